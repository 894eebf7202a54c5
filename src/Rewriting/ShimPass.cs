using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Interleave.Rewriting;

/// <summary>
/// Routes the calls of an assembly that <c>coyote rewrite</c> rewrote through the shims of Interleave's
/// primitives (<c>Interleave.Primitives.Rewriting</c>), in place, keeping its PDB in step. A call is routed
/// when a shim has its target's signature, and a construction when a shim has a <c>Create</c> of its type and
/// parameters; a shim that takes the call site gets the call's file and line from
/// the PDB (the nearest sequence point at or before the call), or an empty file and line 0 where there is none.
/// </summary>
public static class ShimPass
{
    private const string AppliedAttribute = ShimCatalog.Namespace + ".ShimsAppliedAttribute";
    private const string FieldsObservedAttribute = ShimCatalog.Namespace + ".FieldsObservedAttribute";

    /// <summary>True if the pass has been applied to the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The assembly.</param>
    /// <returns>Whether it carries the pass's stamp.</returns>
    /// <exception cref="RewritingException">The file is not a readable .NET assembly.</exception>
    public static bool IsApplied(string assemblyPath)
    {
        using var module = Read(assemblyPath, withSymbols: false, resolver: null);
        return module.Assembly.CustomAttributes.Any(a => a.AttributeType.FullName == AppliedAttribute);
    }

    /// <summary>True if the pass observed the field accesses of the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The assembly.</param>
    /// <returns>Whether it carries the stamp of <c>observeFields</c>.</returns>
    /// <exception cref="RewritingException">The file is not a readable .NET assembly.</exception>
    public static bool ObservesFields(string assemblyPath)
    {
        using var module = Read(assemblyPath, withSymbols: false, resolver: null);
        return module.Assembly.CustomAttributes.Any(a => a.AttributeType.FullName == FieldsObservedAttribute);
    }

    /// <summary>Routes the calls of <paramref name="assemblyPath"/> through the shims of <paramref name="primitivesPath"/>.</summary>
    /// <param name="assemblyPath">The assembly, rewritten by Coyote; changed in place, with its PDB if it has one.</param>
    /// <param name="primitivesPath">The Interleave.Primitives assembly whose shims the calls go to.</param>
    /// <param name="observeFields">Also make every read and write of a field tasks can share a step the race detector checks.</param>
    /// <returns>How many calls were routed, to which shims, and how many field accesses are observed.</returns>
    /// <exception cref="RewritingException">An assembly could not be read or written.</exception>
    public static ShimPassResult Apply(string assemblyPath, string primitivesPath, bool observeFields = false)
    {
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(assemblyPath)));
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(primitivesPath)));
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location));
        using var primitives = Read(primitivesPath, withSymbols: false, resolver);
        var catalog = ShimCatalog.Read(primitives);
        var hasSymbols = File.Exists(Path.ChangeExtension(assemblyPath, ".pdb"));
        using var module = Read(assemblyPath, hasSymbols, resolver);

        var routed = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = observeFields ? new FieldAccessPass(module, primitives) : null;
        var fieldAccesses = 0;
        foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList())
        {
            Route(method, catalog, routed);
            fieldAccesses += fields?.Instrument(method) ?? 0;
        }

        Stamp(module, primitives, AppliedAttribute);
        if (observeFields)
        {
            Stamp(module, primitives, FieldsObservedAttribute);
        }

        try
        {
            module.Write(assemblyPath, new WriterParameters { WriteSymbols = hasSymbols });
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            throw new RewritingException($"Cannot write {assemblyPath}: {error.Message}", error);
        }

        return new ShimPassResult(routed.Values.Sum(), routed, fieldAccesses);
    }

    private static void Stamp(ModuleDefinition module, ModuleDefinition primitives, string attribute)
    {
        var constructor = primitives.GetType(attribute).Methods.Single(m => m.IsConstructor && !m.HasParameters);
        module.Assembly.CustomAttributes.Add(new CustomAttribute(module.ImportReference(constructor)));
    }

    private static ModuleDefinition Read(string path, bool withSymbols, IAssemblyResolver? resolver)
    {
        try
        {
            return ModuleDefinition.ReadModule(path, new ReaderParameters
            {
                InMemory = true,
                ReadSymbols = withSymbols,
                AssemblyResolver = resolver,
            });
        }
        catch (Exception error) when (error is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException or SymbolsNotMatchingException)
        {
            throw new RewritingException($"Cannot read {path}: {error.Message}", error);
        }
    }

    private static void Route(MethodDefinition method, ShimCatalog catalog, Dictionary<string, int> routed)
    {
        var body = method.Body;
        var calls = body.Instructions
            .Select(i => (Call: i, Shim: ShimOf(i, catalog)))
            .Where(c => c.Shim is not null)
            .ToList();
        if (calls.Count == 0)
        {
            return;
        }

        var points = method.DebugInformation.GetSequencePointMapping();
        var sites = MethodEditing.SourceLines(method, points);
        body.SimplifyMacros();
        var il = body.GetILProcessor();
        var moved = new Dictionary<Instruction, Instruction>();
        foreach (var (call, shim) in calls)
        {
            DropUncontrolledWarning(call);
            call.Operand = Target(method.Module, (MethodReference)call.Operand, shim!.Method);
            call.OpCode = OpCodes.Call;
            if (shim.TakesCallSite)
            {
                var (file, line) = sites.GetValueOrDefault(call, (string.Empty, 0));
                var first = il.Create(OpCodes.Ldstr, file);
                il.InsertBefore(call, first);
                il.InsertBefore(call, il.Create(OpCodes.Ldc_I4, line));
                moved[call] = first;
            }

            var name = shim.Method.DeclaringType.Name;
            routed[name] = routed.GetValueOrDefault(name) + 1;
        }

        MethodEditing.Retarget(method, points, moved);
        body.OptimizeMacros();
    }

    // A static call, a non-virtual instance call (not on a constrained type parameter) or a construction a shim takes.
    private static Shim? ShimOf(Instruction instruction, ShimCatalog catalog)
    {
        if (instruction.Operand is not MethodReference called)
        {
            return null;
        }

        if (instruction.OpCode == OpCodes.Newobj)
        {
            return catalog.ForConstruction(called);
        }

        if (instruction.OpCode == OpCodes.Call || (instruction.OpCode == OpCodes.Callvirt && instruction.Previous?.OpCode != OpCodes.Constrained))
        {
            var shim = catalog.For(called);
            return shim is null || (instruction.OpCode == OpCodes.Callvirt && called.Resolve() is not { IsVirtual: false }) ? null : shim;
        }

        return null;
    }

    // Coyote's rewriting puts a warning before each call of a type it does not control (ldstr name; call
    // ExceptionProvider.ThrowUncontrolledInvocationException): a call a shim controls needs none.
    private static void DropUncontrolledWarning(Instruction call)
    {
        if (call.Previous is { OpCode.Code: Code.Call, Operand: MethodReference { Name: "ThrowUncontrolledInvocationException" } warning } notify
            && warning.DeclaringType.FullName == "Microsoft.Coyote.Runtime.ExceptionProvider"
            && notify.Previous is { OpCode.Code: Code.Ldstr } name)
        {
            (name.OpCode, name.Operand, notify.OpCode, notify.Operand) = (OpCodes.Nop, null, OpCodes.Nop, null);
        }
    }

    // The shim, imported into the module, with the call's type arguments: its class's, then its own.
    private static MethodReference Target(ModuleDefinition module, MethodReference called, MethodDefinition shim)
    {
        var imported = module.ImportReference(shim);
        if (called.DeclaringType is GenericInstanceType host)
        {
            imported = OnHost(imported, host.GenericArguments);
        }

        if (called is not GenericInstanceMethod generic)
        {
            return imported;
        }

        var instance = new GenericInstanceMethod(imported);
        foreach (var argument in generic.GenericArguments)
        {
            instance.GenericArguments.Add(argument);
        }

        return instance;
    }

    // A method of a generic class, on the class instantiated with the call's type arguments; its signature
    // keeps the class's parameters (!0), as a member reference's does.
    private static MethodReference OnHost(MethodReference method, IEnumerable<TypeReference> typeArguments)
    {
        var host = new GenericInstanceType(method.DeclaringType);
        foreach (var argument in typeArguments)
        {
            host.GenericArguments.Add(argument);
        }

        var reference = new MethodReference(method.Name, method.ReturnType, host)
        {
            HasThis = method.HasThis,
            ExplicitThis = method.ExplicitThis,
            CallingConvention = method.CallingConvention,
        };
        foreach (var parameter in method.Parameters)
        {
            reference.Parameters.Add(new ParameterDefinition(parameter.ParameterType));
        }

        foreach (var parameter in method.GenericParameters)
        {
            reference.GenericParameters.Add(new GenericParameter(parameter.Name, reference));
        }

        return reference;
    }
}
