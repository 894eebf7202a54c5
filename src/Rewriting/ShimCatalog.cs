using Mono.Cecil;

namespace Interleave.Rewriting;

/// <summary>
/// The shims of the primitives' assembly: every public static method of a class marked
/// <c>[ShimOf(target)]</c>, by the signature of the target's method it stands in for.
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

    /// <summary>The shim for a call to <paramref name="called"/>, or null if it has none.</summary>
    internal Shim? For(MethodReference called)
    {
        var method = called.GetElementMethod();
        if (method.HasThis)
        {
            return null;
        }

        var key = Signature.Of(method.DeclaringType.FullName, method.Name, method.GenericParameters.Count, method.ReturnType, method.Parameters.Select(p => p.ParameterType));
        return _shims.GetValueOrDefault(key);
    }
}
