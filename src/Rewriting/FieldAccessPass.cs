using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Interleave.Rewriting;

/// <summary>
/// Puts a call to the primitives' <c>FieldAccessShim</c> before every read and write of a field or array
/// element that tasks can share, so that under test each is a scheduling point and a step the race detector
/// checks. Left alone as no other task can see them: readonly and thread-static fields, a struct's, the
/// compiler's own (an async or iterator method's state, cached delegates) except a closure's captured locals,
/// a captured local set once before any lambda reads it, an object's own fields in its constructor, and the
/// stores of an array initializer. Not observed: fields of generic classes, accesses through an address
/// (<c>ref</c>, <c>ldflda</c>, which <c>Interlocked</c> and <c>Volatile</c> take and are observed apart; but
/// an element's compound assignment is), and multi-dimensional arrays.
/// </summary>
internal sealed class FieldAccessPass
{
    private const string ShimType = ShimCatalog.Namespace + ".FieldAccessShim";
    private const string AsyncStateMachine = "System.Runtime.CompilerServices.IAsyncStateMachine";
    private const string ThreadStatic = "System.ThreadStaticAttribute";
    private const string IsVolatile = "System.Runtime.CompilerServices.IsVolatile";
    private const string CompilerGenerated = "System.Runtime.CompilerServices.CompilerGeneratedAttribute";
    private const string BackingField = ">k__BackingField";

    private readonly MethodReference _read;
    private readonly MethodReference _write;
    private readonly MethodReference _readVolatile;
    private readonly MethodReference _writeVolatile;
    private readonly MethodReference _readElement;
    private readonly MethodReference _writeElement;
    private readonly MethodReference _updateElement;
    private readonly Dictionary<TypeDefinition, (MethodDefinition Method, string Name)?> _creators = [];
    private readonly Dictionary<FieldDefinition, bool> _shareable = [];
    private Dictionary<string, List<(MethodDefinition Method, Instruction Store)>>? _closureWrites;

    internal FieldAccessPass(ModuleDefinition module, ModuleDefinition primitives)
    {
        var shim = primitives.GetType(ShimType)
            ?? throw new RewritingException($"{primitives.FileName} has no {ShimType}: it is not the primitives this pass needs.");
        MethodReference Import(string name) => module.ImportReference(shim.Methods.Single(m => m.Name == name));
        _read = Import("Read");
        _write = Import("Write");
        _readVolatile = Import("ReadVolatile");
        _writeVolatile = Import("WriteVolatile");
        _readElement = Import("ReadElement");
        _writeElement = Import("WriteElement");
        _updateElement = Import("UpdateElement");
    }

    /// <summary>Instruments the field accesses of <paramref name="method"/>; returns how many.</summary>
    internal int Instrument(MethodDefinition method)
    {
        if (!method.HasBody || method.IsConstructor && method.IsStatic || IsAutoAccessor(method) is not null)
        {
            return 0;
        }

        var targets = BranchTargets(method.Body);
        var accesses = method.Body.Instructions
            .Select(i => (Instruction: i, Access: Observed(method, i, targets)))
            .Where(a => a.Access is not null)
            .ToList();
        if (accesses.Count == 0)
        {
            return 0;
        }

        var body = method.Body;
        var points = method.DebugInformation.GetSequencePointMapping();
        var lines = MethodEditing.SourceLines(method, points);
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var moved = new Dictionary<Instruction, Instruction>();
        var values = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
        foreach (var (instruction, access) in accesses)
        {
            var (file, line) = lines.GetValueOrDefault(instruction, (string.Empty, 0));

            // A prefix (volatile., unaligned.) must stay just before its instruction: the call goes before both.
            var anchor = instruction.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix ? prefix : instruction;
            var inserted = access switch
            {
                FieldAccess field => FieldCall(il, body, values, field, instruction.Previous?.OpCode.Code == Code.Volatile, file, line),
                ElementAccess element => ElementCall(il, body, values, element, file, line),
                _ => throw new InvalidOperationException($"Unknown access {access}."),
            };
            foreach (var added in inserted)
            {
                il.InsertBefore(anchor, added);
            }

            moved[anchor] = inserted[0];
        }

        MethodEditing.Retarget(method, points, moved);
        body.OptimizeMacros();
        return accesses.Count;
    }

    // Before a field access: [instance] or [instance, value] on the stack, left as they were.
    private List<Instruction> FieldCall(ILProcessor il, MethodBody body, Dictionary<string, VariableDefinition> values, FieldAccess access, bool volatilePrefix, string file, int line)
    {
        var (field, writes, isStatic) = access;
        var isVolatile = volatilePrefix || field.FieldType is RequiredModifierType { ModifierType.FullName: IsVolatile };
        var inserted = new List<Instruction>();
        var value = writes && !isStatic ? ValueOf(body, values, Unmodified(field.FieldType)) : null;
        if (value is not null)
        {
            // The value is on top of the instance: set it aside to reach the instance, then put it back.
            inserted.Add(il.Create(OpCodes.Stloc, value));
        }

        inserted.Add(il.Create(isStatic ? OpCodes.Ldnull : OpCodes.Dup));
        inserted.Add(il.Create(OpCodes.Ldstr, OwnerName(field.DeclaringType)));
        inserted.Add(il.Create(OpCodes.Ldstr, FieldName(field)!));
        inserted.Add(il.Create(OpCodes.Ldstr, file));
        inserted.Add(il.Create(OpCodes.Ldc_I4, line));
        inserted.Add(il.Create(OpCodes.Call, (writes, isVolatile) switch
        {
            (false, false) => _read,
            (false, true) => _readVolatile,
            (true, false) => _write,
            (true, true) => _writeVolatile,
        }));
        if (value is not null)
        {
            inserted.Add(il.Create(OpCodes.Ldloc, value));
        }

        return inserted;
    }

    // Before an element access: [array, index] or [array, index, value] on the stack, left as they were.
    private List<Instruction> ElementCall(ILProcessor il, MethodBody body, Dictionary<string, VariableDefinition> values, ElementAccess access, string file, int line)
    {
        var module = body.Method.Module;
        var index = ValueOf(body, values, module.TypeSystem.IntPtr);
        var value = access.Stored is { } stored ? ValueOf(body, values, stored) : null;
        var inserted = new List<Instruction>();
        if (value is not null)
        {
            inserted.Add(il.Create(OpCodes.Stloc, value));
        }

        inserted.Add(il.Create(OpCodes.Stloc, index));
        inserted.Add(il.Create(OpCodes.Dup));
        inserted.Add(il.Create(OpCodes.Ldloc, index));
        inserted.Add(il.Create(OpCodes.Ldstr, file));
        inserted.Add(il.Create(OpCodes.Ldc_I4, line));
        inserted.Add(il.Create(OpCodes.Call, access.Updates ? _updateElement : value is null ? _readElement : _writeElement));
        inserted.Add(il.Create(OpCodes.Ldloc, index));
        if (value is not null)
        {
            inserted.Add(il.Create(OpCodes.Ldloc, value));
        }

        return inserted;
    }

    // The field an instruction reads or writes, if tasks can share it: directly, or through an auto-property,
    // whose accesses are observed where it is called, at the caller's line.
    private Access? Observed(MethodDefinition method, Instruction instruction, HashSet<Instruction> targets)
    {
        var access = instruction.OpCode.Code switch
        {
            Code.Ldfld when !method.IsConstructor => Direct(instruction, writes: false, isStatic: false),
            Code.Stfld when !method.IsConstructor => Direct(instruction, writes: true, isStatic: false),
            Code.Ldsfld => Direct(instruction, writes: false, isStatic: true),
            Code.Stsfld => Direct(instruction, writes: true, isStatic: true),
            Code.Call or Code.Callvirt when instruction.Operand is MethodReference called
                && !(method.IsConstructor && called.HasThis)
                && Resolve(called) is { } accessor && IsAutoAccessor(accessor) is { } field =>
                new FieldAccess(field, accessor.IsSetter, accessor.IsStatic),
            _ => null,
        };
        if (access is not null)
        {
            return Shareable(access.Field) ? access : null;
        }

        return ElementAccessOf(method.Module, instruction, targets);
    }

    // An array element's read or write, unless it fills in an array just made (an initializer's stores).
    private static ElementAccess? ElementAccessOf(ModuleDefinition module, Instruction instruction, HashSet<Instruction> targets)
    {
        var types = module.TypeSystem;
        TypeReference? stored = instruction.OpCode.Code switch
        {
            Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => types.Int32,
            Code.Stelem_I8 => types.Int64,
            Code.Stelem_R4 => types.Single,
            Code.Stelem_R8 => types.Double,
            Code.Stelem_I => types.IntPtr,
            Code.Stelem_Ref => types.Object,
            Code.Stelem_Any => (TypeReference)instruction.Operand,
            _ => null,
        };
        if (stored is not null)
        {
            return FillsNewArray(instruction, targets) ? null : new ElementAccess(stored, Updates: false);
        }

        // tally[i] += 1 takes the element's address, reads through it and writes through it: a read and a write.
        if (instruction.OpCode.Code == Code.Ldelema && instruction.Next is { OpCode.Code: Code.Dup } dup
            && dup.Next?.OpCode.Code is Code.Ldind_I1 or Code.Ldind_I2 or Code.Ldind_I4 or Code.Ldind_I8 or Code.Ldind_U1 or Code.Ldind_U2
                or Code.Ldind_U4 or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_I or Code.Ldind_Ref or Code.Ldobj)
        {
            return new ElementAccess(null, Updates: true);
        }

        return instruction.OpCode.Code is Code.Ldelem_I1 or Code.Ldelem_I2 or Code.Ldelem_I4 or Code.Ldelem_I8 or Code.Ldelem_U1
            or Code.Ldelem_U2 or Code.Ldelem_U4 or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_I or Code.Ldelem_Ref or Code.Ldelem_Any
            ? new ElementAccess(null, Updates: false)
            : null;
    }

    // Whether a store's array is one made by newarr in the same expression (new[] { a, b }, params, collection
    // expressions): no other task can have it yet. Anything that could hand the array on, or a branch target
    // in between, makes it an ordinary store.
    private static bool FillsNewArray(Instruction store, HashSet<Instruction> targets)
    {
        for (var previous = store.Previous; previous is not null; previous = previous.Previous)
        {
            if (targets.Contains(previous) || previous.OpCode.Code is Code.Stloc or Code.Stloc_S or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2
                or Code.Stloc_3 or Code.Starg or Code.Starg_S or Code.Stfld or Code.Stsfld || previous.OpCode.FlowControl is FlowControl.Branch
                or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
            {
                return false;
            }

            if (previous.OpCode.Code == Code.Newarr)
            {
                return true;
            }
        }

        return false;
    }

    // The instructions control can reach other than from the one before: branch and switch targets, handlers.
    private static HashSet<Instruction> BranchTargets(MethodBody body)
    {
        var targets = new HashSet<Instruction>();
        foreach (var instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target:
                    targets.Add(target);
                    break;
                case Instruction[] table:
                    targets.UnionWith(table);
                    break;
            }
        }

        foreach (var handler in body.ExceptionHandlers)
        {
            targets.Add(handler.HandlerStart);
            if (handler.FilterStart is { } filter)
            {
                targets.Add(filter);
            }
        }

        return targets;
    }

    private static FieldAccess? Direct(Instruction instruction, bool writes, bool isStatic) =>
        instruction.Operand is FieldReference { DeclaringType: not GenericInstanceType } reference && Resolve(reference) is { } field
            ? new FieldAccess(field, writes, isStatic)
            : null;

    // Asked of every access: the answer, once per field (a captured local's takes a scan of its creator).
    private bool Shareable(FieldDefinition field)
    {
        if (!_shareable.TryGetValue(field, out var shareable))
        {
            _shareable[field] = shareable = IsShareable(field);
        }

        return shareable;
    }

    private bool IsShareable(FieldDefinition field)
    {
        if (field.IsInitOnly || field.IsLiteral || field.CustomAttributes.Any(a => a.AttributeType.FullName == ThreadStatic))
        {
            return false;
        }

        var type = field.DeclaringType;
        var compilerMade = type.Name.StartsWith('<');
        return !type.IsValueType
            && !type.HasGenericParameters
            && (!compilerMade || type.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal))
            && !type.Interfaces.Any(i => i.InterfaceType.FullName == AsyncStateMachine)
            && FieldName(field) is not null
            && !(compilerMade && IsSetOnceBeforeShared(field));
    }

    // The backing field of a property accessor the compiler wrote, if nothing else can stand in for it at a call
    // (a virtual one may be overridden or called through an interface, and is observed inside instead).
    private static FieldDefinition? IsAutoAccessor(MethodDefinition method)
    {
        if (!(method.IsGetter || method.IsSetter) || method.IsVirtual || !method.HasBody
            || !method.CustomAttributes.Any(a => a.AttributeType.FullName == CompilerGenerated))
        {
            return null;
        }

        var fields = method.Body.Instructions
            .Where(i => i.OpCode.Code is Code.Ldfld or Code.Stfld or Code.Ldsfld or Code.Stsfld)
            .Select(i => i.Operand as FieldReference)
            .ToList();
        return fields is [{ } only] && only.Name.EndsWith(BackingField, StringComparison.Ordinal) ? Resolve(only) : null;
    }

    private static FieldDefinition? Resolve(FieldReference reference)
    {
        try
        {
            return reference.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static MethodDefinition? Resolve(MethodReference reference)
    {
        try
        {
            return reference.DeclaringType is GenericInstanceType ? null : reference.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    // A local of a type to hold a value or an index set aside, one per type in the method.
    private static VariableDefinition ValueOf(MethodBody body, Dictionary<string, VariableDefinition> values, TypeReference type)
    {
        if (!values.TryGetValue(type.FullName, out var value))
        {
            value = new VariableDefinition(body.Method.Module.ImportReference(type));
            body.Variables.Add(value);
            values[type.FullName] = value;
        }

        return value;
    }

    private static TypeReference Unmodified(TypeReference type) => type is IModifierType modified ? modified.ElementType : type;

    // "count"; an auto-property's backing field by its property's name; null for the compiler's other fields.
    private static string? FieldName(FieldDefinition field)
    {
        var name = field.Name;
        if (!name.Contains('<', StringComparison.Ordinal))
        {
            return name;
        }

        return name.StartsWith('<') && name.EndsWith(BackingField, StringComparison.Ordinal) ? name[1..^BackingField.Length] : null;
    }

    // The name a reader knows the field's object by: its class's, without a generic arity; for a closure's
    // captured locals, the method whose locals they are.
    private string OwnerName(TypeDefinition type)
    {
        if (!type.Name.StartsWith('<') || type.DeclaringType is not { } enclosing)
        {
            var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
            return tick > 0 ? type.Name[..tick] : type.Name;
        }

        return CreatorOf(type) is { } creator ? creator.Name : OwnerName(enclosing);
    }

    // The method that makes a closure (a method of its class, a lambda's, or an async method's state machine),
    // and the name it has in the source ("Run" for "Run", "<Run>b__0" and "<Run>d__3").
    private (MethodDefinition Method, string Name)? CreatorOf(TypeDefinition closure)
    {
        if (!_creators.TryGetValue(closure, out var creator))
        {
            var enclosing = closure.DeclaringType;
            var candidates = enclosing.Methods.Select(m => (Method: m, Name: m.Name))
                .Concat(enclosing.NestedTypes.Where(t => t.Name.StartsWith('<'))
                    .SelectMany(t => t.Methods.Select(m => (Method: m, Name: t.Name.StartsWith("<>", StringComparison.Ordinal) ? m.Name : t.Name))));
            foreach (var (method, name) in candidates)
            {
                if (method.HasBody && method.Body.Instructions.Any(i =>
                    i.OpCode.Code == Code.Newobj && i.Operand is MethodReference { DeclaringType: var created } && created.FullName == closure.FullName))
                {
                    creator = (method, SourceName(name));
                    break;
                }
            }

            _creators[closure] = creator;
        }

        return creator;
    }

    // A captured local written once, by the method that made the closure, outside any loop: its value is set
    // before any lambda that reads it can run (C# reads a captured local only once it is assigned), so its
    // reads are no race, and observing them would only crowd the account.
    private bool IsSetOnceBeforeShared(FieldDefinition field)
    {
        _closureWrites ??= field.Module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions.Where(i => i.OpCode.Code == Code.Stfld && i.Operand is FieldReference).Select(i => (Method: m, Store: i)))
            .GroupBy(w => ((FieldReference)w.Store.Operand).FullName)
            .ToDictionary(g => g.Key, g => g.ToList());
        if (!_closureWrites.TryGetValue(field.FullName, out var writes) || writes is not [var (method, store)]
            || CreatorOf(field.DeclaringType) is not { } creator || creator.Method != method)
        {
            return false;
        }

        // In a loop, a later pass writes it again, possibly while a lambda of an earlier pass reads it.
        var instructions = method.Body.Instructions;
        var at = instructions.IndexOf(store);
        return !instructions.Skip(at).Any(i =>
            (i.Operand is Instruction target && instructions.IndexOf(target) <= at)
            || (i.Operand is Instruction[] table && table.Any(t => instructions.IndexOf(t) <= at)));
    }

    // "Run" for the compiler's "<Run>b__0_0" (a lambda of Run) and "<Run>d__3" (its async state).
    private static string SourceName(string methodName)
    {
        var end = methodName.IndexOf('>', StringComparison.Ordinal);
        return methodName.StartsWith('<') && end > 1 ? methodName[1..end] : methodName;
    }

    // An access the pass observes.
    private abstract record Access;

    // A read or write of a field: directly, or through its auto-property's accessor.
    private sealed record FieldAccess(FieldDefinition Field, bool Writes, bool IsStatic) : Access;

    // A read (Stored null) or write of an array element, a write storing a value of type Stored; or both, for
    // a compound assignment through the element's address (Updates), reported together as it starts.
    private sealed record ElementAccess(TypeReference? Stored, bool Updates) : Access;
}
