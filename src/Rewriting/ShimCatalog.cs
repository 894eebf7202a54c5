using Mono.Cecil;

namespace Interleave.Rewriting;

/// <summary>
/// The shims of the primitives' assembly: every public static method of a class marked
/// <c>[ShimOf(target)]</c>, by the signature of the target's method it stands in for. A shim of a generic
/// target is a generic class of the same type parameters (<c>TaskCompletionSourceShim&lt;TResult&gt;</c> for
/// <c>TaskCompletionSource`1</c>), so that both spell their types alike.
/// </summary>
internal sealed class ShimCatalog
{
    internal const string Namespace = "Interleave.Primitives.Rewriting";
    private const string ShimOfAttribute = Namespace + ".ShimOfAttribute";
    private const string CallerFilePath = "System.Runtime.CompilerServices.CallerFilePathAttribute";
    private const string CallerLineNumber = "System.Runtime.CompilerServices.CallerLineNumberAttribute";

    private readonly Dictionary<string, Shim> _shims;

    private ShimCatalog(Dictionary<string, Shim> shims) => _shims = shims;

    /// <summary>How many target methods have a shim.</summary>
    internal int Count => _shims.Count;

    internal static ShimCatalog Read(ModuleDefinition primitives)
    {
        var shims = new Dictionary<string, Shim>(StringComparer.Ordinal);
        foreach (var type in primitives.Types.Where(t => t.Namespace == Namespace))
        {
            var targets = type.CustomAttributes
                .Where(a => a.AttributeType.FullName == ShimOfAttribute)
                .Select(a => (string)a.ConstructorArguments[0].Value)
                .ToList();
            foreach (var method in type.Methods.Where(m => m.IsPublic && m.IsStatic && !m.IsConstructor))
            {
                var shim = new Shim(method, TakesCallSite(method));
                foreach (var target in targets)
                {
                    shims[Signature.Of(target, method.Name, method.GenericParameters.Count, method.ReturnType, TargetParameters(shim))] = shim;
                }
            }
        }

        return new ShimCatalog(shims);
    }

    /// <summary>The parameters of the target method a shim stands in for: its own, without the call site's file and line.</summary>
    internal static IEnumerable<TypeReference> TargetParameters(Shim shim) =>
        shim.Method.Parameters.Take(shim.Method.Parameters.Count - (shim.TakesCallSite ? 2 : 0)).Select(p => p.ParameterType);

    /// <summary>Whether <paramref name="method"/> ends with the <c>[CallerFilePath]</c> and <c>[CallerLineNumber]</c> parameters the rewriter fills in.</summary>
    internal static bool TakesCallSite(MethodDefinition method)
    {
        var parameters = method.Parameters;
        return parameters.Count >= 2
            && parameters[^2].CustomAttributes.Any(a => a.AttributeType.FullName == CallerFilePath)
            && parameters[^1].CustomAttributes.Any(a => a.AttributeType.FullName == CallerLineNumber);
    }

    /// <summary>
    /// The shim for a call to <paramref name="called"/>, or null if it has none. An instance method is matched
    /// as a static one taking its instance first: by reference, as a call on a value type (an awaiter's
    /// <c>GetResult</c>) passes it, or as it is, for a type Coyote leaves alone whose members a shim takes
    /// (<c>ManualResetEventSlim.Set</c>); the shims of other reference types' methods are of Coyote's static wrappers.
    /// </summary>
    internal Shim? For(MethodReference called)
    {
        var method = called.GetElementMethod();
        return _shims.GetValueOrDefault(KeyOf(method))
            ?? (method.HasThis ? _shims.GetValueOrDefault(KeyOf(method, byReference: false)) : null);
    }

    /// <summary>The shim that creates what <paramref name="constructor"/> does: a static <c>Create</c> of its parameters returning its type.</summary>
    internal Shim? ForConstruction(MethodReference constructor)
    {
        var type = constructor.DeclaringType;
        return type.IsGenericInstance
            ? null
            : _shims.GetValueOrDefault(Signature.Of(type.FullName, "Create", 0, type, constructor.Parameters.Select(p => p.ParameterType)));
    }

    /// <summary>The signature a shim of <paramref name="method"/>, a method of its target, is found by.</summary>
    internal static string KeyOf(MethodReference method, bool byReference = true)
    {
        var declaring = method.DeclaringType.GetElementType();
        var parameters = method.Parameters.Select(p => p.ParameterType);
        if (method.HasThis)
        {
            var instance = OpenType(declaring);
            parameters = parameters.Prepend(byReference ? new ByReferenceType(instance) : instance);
        }

        return Signature.Of(declaring.FullName, method.Name, method.GenericParameters.Count, method.ReturnType, parameters);
    }

    // A type as its own members see it: a generic one instantiated with its own parameters (TaskAwaiter<!0>).
    private static TypeReference OpenType(TypeReference type)
    {
        if (!type.HasGenericParameters)
        {
            return type;
        }

        var open = new GenericInstanceType(type);
        foreach (var parameter in type.GenericParameters)
        {
            open.GenericArguments.Add(parameter);
        }

        return open;
    }
}
