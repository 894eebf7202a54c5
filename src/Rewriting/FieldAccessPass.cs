using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Interleave.Rewriting;

/// <summary>
/// Puts a call to the primitives' <c>FieldAccessShim</c> before every read and write of a field that tasks
/// can share, so that under test each is a scheduling point and a step the race detector checks. Fields no
/// other task can see are left alone: readonly and thread-static fields, a struct's, the compiler's own
/// (an async or iterator method's state, cached delegates) except a closure's captured locals, and an object's
/// own fields in its constructor. Not observed: fields of generic classes, accesses through an address
/// (<c>ref</c>, <c>ldflda</c>, which <c>Interlocked</c> and <c>Volatile</c> take and are observed apart),
/// and array elements.
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
    private readonly Dictionary<TypeDefinition, string> _closureOwners = [];

    internal FieldAccessPass(ModuleDefinition module, ModuleDefinition primitives)
    {
        var shim = primitives.GetType(ShimType)
            ?? throw new RewritingException($"{primitives.FileName} has no {ShimType}: it is not the primitives this pass needs.");
        MethodReference Import(string name) => module.ImportReference(shim.Methods.Single(m => m.Name == name));
        _read = Import("Read");
        _write = Import("Write");
        _readVolatile = Import("ReadVolatile");
        _writeVolatile = Import("WriteVolatile");
    }

    /// <summary>Instruments the field accesses of <paramref name="method"/>; returns how many.</summary>
    internal int Instrument(MethodDefinition method)
    {
        if (!method.HasBody || method.IsConstructor && method.IsStatic || IsAutoAccessor(method) is not null)
        {
            return 0;
        }

        var accesses = method.Body.Instructions
            .Select(i => (Instruction: i, Access: Observed(method, i)))
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
            var (field, writes, isStatic) = access!.Value;
            var isVolatile = instruction.Previous?.OpCode.Code == Code.Volatile || field.FieldType is RequiredModifierType { ModifierType.FullName: IsVolatile };
            var shim = (writes, isVolatile) switch
            {
                (false, false) => _read,
                (false, true) => _readVolatile,
                (true, false) => _write,
                (true, true) => _writeVolatile,
            };

            // A prefix (volatile., unaligned.) must stay just before its instruction: the call goes before both.
            var anchor = instruction.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix ? prefix : instruction;
            var inserted = new List<Instruction>();
            var value = writes && !isStatic ? ValueOf(body, values, field) : null;
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
            inserted.Add(il.Create(OpCodes.Call, shim));
            if (value is not null)
            {
                inserted.Add(il.Create(OpCodes.Ldloc, value));
            }

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

    // The field an instruction reads or writes, if tasks can share it: directly, or through an auto-property,
    // whose accesses are observed where it is called, at the caller's line.
    private static FieldAccess? Observed(MethodDefinition method, Instruction instruction)
    {
        FieldAccess? access = instruction.OpCode.Code switch
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
        return access is { } found && Shareable(found.Field) ? access : null;
    }

    private static FieldAccess? Direct(Instruction instruction, bool writes, bool isStatic) =>
        instruction.Operand is FieldReference { DeclaringType: not GenericInstanceType } reference && Resolve(reference) is { } field
            ? new FieldAccess(field, writes, isStatic)
            : null;

    private static bool Shareable(FieldDefinition field)
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
            && FieldName(field) is not null;
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

    // A local of the field's type to hold a value being written, one per type in the method.
    private static VariableDefinition ValueOf(MethodBody body, Dictionary<string, VariableDefinition> values, FieldDefinition field)
    {
        var type = field.FieldType is IModifierType modified ? modified.ElementType : field.FieldType;
        if (!values.TryGetValue(type.FullName, out var value))
        {
            value = new VariableDefinition(body.Method.Module.ImportReference(type));
            body.Variables.Add(value);
            values[type.FullName] = value;
        }

        return value;
    }

    // "count"; an auto-property's backing field by its property's name; null for the compiler's other fields.
    private static string? FieldName(FieldDefinition field)
    {
        var name = field.Name;
        if (!name.StartsWith('<'))
        {
            return name;
        }

        return name.EndsWith(BackingField, StringComparison.Ordinal) ? name[1..^BackingField.Length] : null;
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

        if (!_closureOwners.TryGetValue(type, out var owner))
        {
            // The closure is made by a method of the class, or by the state machine of an async one ("<Run>d__3").
            var creator = enclosing.Methods.Select(m => (Method: m, Name: m.Name))
                .Concat(enclosing.NestedTypes.Where(t => t.Name.StartsWith('<') && !t.Name.StartsWith("<>", StringComparison.Ordinal))
                    .SelectMany(t => t.Methods.Select(m => (Method: m, t.Name))))
                .FirstOrDefault(c => c.Method.HasBody && c.Method.Body.Instructions.Any(i =>
                    i.OpCode.Code == Code.Newobj && i.Operand is MethodReference { DeclaringType: var created } && created.FullName == type.FullName));
            _closureOwners[type] = owner = creator.Method is null ? OwnerName(enclosing) : SourceName(creator.Name);
        }

        return owner;
    }

    // "Run" for the compiler's "<Run>b__0_0" (a lambda of Run) and "<Run>d__3" (its async state).
    private static string SourceName(string methodName)
    {
        var end = methodName.IndexOf('>', StringComparison.Ordinal);
        return methodName.StartsWith('<') && end > 1 ? methodName[1..end] : methodName;
    }

    // A read or write of a field: directly, or through its auto-property's accessor.
    private readonly record struct FieldAccess(FieldDefinition Field, bool Writes, bool IsStatic);
}
