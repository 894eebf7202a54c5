using Mono.Cecil;

namespace Interleave.Rewriting;

/// <summary>
/// A method's identity as a call site and a shim both spell it: declaring type, name, number of type
/// parameters, return and parameter types. Type parameters are written by position (<c>!!0</c>), since a
/// call's reference and a method's definition name them differently.
/// </summary>
internal static class Signature
{
    internal static string Of(string declaringType, string name, int typeParameters, TypeReference returnType, IEnumerable<TypeReference> parameters) =>
        $"{Render(returnType)} {declaringType}::{name}`{typeParameters}({string.Join(",", parameters.Select(Render))})";

    internal static string Render(TypeReference type) => type switch
    {
        GenericParameter parameter => (parameter.Type == GenericParameterType.Method ? "!!" : "!") + parameter.Position,
        GenericInstanceType instance => Render(instance.ElementType) + "<" + string.Join(",", instance.GenericArguments.Select(Render)) + ">",
        ByReferenceType reference => Render(reference.ElementType) + "&",
        ArrayType array => Render(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        PointerType pointer => Render(pointer.ElementType) + "*",
        IModifierType modified => Render(modified.ElementType),
        _ => type.FullName,
    };
}
