using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Interleave.Primitives;
using Interleave.Rewriting;

namespace Interleave.Cli.Rewriting;

/// <summary>
/// The assembly <c>interleave test --rewrite</c> explores: a copy of its folder in
/// <c>&lt;outdir&gt;/rewritten/&lt;name&gt;</c> whose assembly <c>coyote rewrite</c> rewrote and Interleave's shim
/// pass then routed through the primitives, or the user's own where both have been done. The original is
/// never changed, so the user's build output stays what their build made.
/// </summary>
/// <param name="AssemblyPath">The assembly to load.</param>
/// <param name="Note">What was done, for the line printed before the run.</param>
internal sealed record RewrittenAssembly(string AssemblyPath, string Note)
{
    // The attribute coyote rewrite stamps on every assembly it rewrote (RewritingEngine.IsAssemblyRewritten reads it).
    private const string SignatureAttribute = "Microsoft.Coyote.Rewriting.RewritingSignatureAttribute";

    /// <summary>
    /// Rewrites a copy of <paramref name="assemblyPath"/> with <c>coyote rewrite</c> unless Coyote rewrote it
    /// already, then routes its calls through the primitives' shims (<see cref="ShimPass"/>); an assembly that
    /// has had both is explored as it is.
    /// </summary>
    /// <param name="assemblyPath">The user's test assembly.</param>
    /// <param name="outDir">The run's output folder, where the copy goes.</param>
    /// <param name="observeFields">Also observe the reads and writes of fields tasks can share.</param>
    /// <exception cref="UsageException">
    /// The assembly is missing or not .NET, the tool is missing or failed, or fields are to be observed in an
    /// assembly rewritten already without them.
    /// </exception>
    internal static RewrittenAssembly Prepare(string assemblyPath, string outDir, bool observeFields)
    {
        var source = Existing(assemblyPath);
        var name = Path.GetFileName(source);
        if (IsRewritten(source) && Shimmed(source))
        {
            RequireFieldsObserved(source, observeFields);
            return new RewrittenAssembly(assemblyPath, $"{name} is rewritten already: exploring it as it is.");
        }

        var folder = Path.Combine(Path.GetFullPath(outDir), "rewritten", Path.GetFileNameWithoutExtension(source));
        CopyFolder(Path.GetDirectoryName(source)!, folder);
        var copy = Path.Combine(folder, name);
        var how = RewriteInPlace(copy, toolSearch: Path.GetDirectoryName(source)!, observeFields);
        return new RewrittenAssembly(copy, $"Explored a copy of {name}, {how}: {copy}");
    }

    /// <summary>
    /// Rewrites <paramref name="assemblyPath"/> itself as <see cref="Prepare"/> rewrites its copy, for
    /// <c>interleave rewrite</c> after a build (as <c>coyote rewrite</c> is run): what a test project that calls
    /// <c>Explorer.Verify</c> on code written with .NET's own primitives needs.
    /// </summary>
    /// <param name="assemblyPath">The assembly.</param>
    /// <param name="observeFields">Also observe the reads and writes of fields tasks can share.</param>
    /// <returns>What was done, in a sentence.</returns>
    /// <exception cref="UsageException">
    /// The assembly is missing or not .NET, the tool is missing or failed, or fields are to be observed in an
    /// assembly rewritten already without them.
    /// </exception>
    internal static string InPlace(string assemblyPath, bool observeFields)
    {
        var source = Existing(assemblyPath);
        var name = Path.GetFileName(source);
        if (IsRewritten(source) && Shimmed(source))
        {
            RequireFieldsObserved(source, observeFields);
            return $"{name} is rewritten already: left as it is.";
        }

        return $"Rewrote {name} in place, {RewriteInPlace(source, toolSearch: Path.GetDirectoryName(source)!, observeFields)}.";
    }

    // An assembly's field accesses can be observed only while its calls are routed: not once it is stamped.
    private static void RequireFieldsObserved(string assembly, bool observeFields)
    {
        if (observeFields && !Guarded(() => ShimPass.ObservesFields(assembly)))
        {
            throw new UsageException(
                $"{Path.GetFileName(assembly)} was rewritten without --observe-fields, so its field accesses cannot be observed now: "
                + "rebuild it, then rewrite it with --observe-fields.");
        }
    }

    private static string Existing(string assemblyPath)
    {
        var source = Path.GetFullPath(assemblyPath);
        return File.Exists(source) ? source : throw new UsageException($"Assembly not found: {assemblyPath}");
    }

    // coyote rewrite where Coyote has not rewritten it yet, then the shim pass; "rewritten with ..., N calls ...".
    private static string RewriteInPlace(string assembly, string toolSearch, bool observeFields)
    {
        var clock = Stopwatch.StartNew();
        var tool = IsRewritten(assembly) ? null : CoyoteTool.Find(toolSearch);
        if (tool is not null)
        {
            tool.Rewrite(assembly);
            if (!IsRewritten(assembly))
            {
                throw new UsageException($"coyote rewrite ({tool.Origin}) exited cleanly but {assembly} carries no rewriting signature: it was not rewritten.");
            }
        }

        var routed = Shim(assembly, Path.GetDirectoryName(assembly)!, observeFields);
        var how = tool is null ? "rewritten by Coyote already" : $"rewritten with coyote rewrite ({tool.Origin})";
        var fields = observeFields ? FormattableString.Invariant($" and {routed.ObservedFieldAccesses} field accesses") : string.Empty;
        return FormattableString.Invariant($"{how}, {routed.RoutedCalls} calls{fields} observed through Interleave's shims ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    // The shims are this harness's own primitives: the copy references them, and finds them beside it.
    private static ShimPassResult Shim(string copy, string folder, bool observeFields)
    {
        var primitives = typeof(ControlledTask).Assembly.Location;
        var beside = Path.Combine(folder, Path.GetFileName(primitives));
        try
        {
            if (!File.Exists(beside))
            {
                File.Copy(primitives, beside);
            }

            return ShimPass.Apply(copy, primitives, observeFields);
        }
        catch (Exception error) when (error is RewritingException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot route the calls of {copy} through Interleave's shims: {error.Message}", error);
        }
    }

    private static bool Shimmed(string path) => Guarded(() => ShimPass.IsApplied(path));

    private static bool Guarded(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (RewritingException error)
        {
            throw new UsageException(error.Message, error);
        }
    }

    /// <summary>True if coyote rewrite has stamped <paramref name="path"/>; read from its metadata, without loading it.</summary>
    /// <exception cref="UsageException">The file is not a .NET assembly.</exception>
    internal static bool IsRewritten(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var image = new PEReader(stream);
            if (!image.HasMetadata)
            {
                throw new UsageException($"{path} is not a .NET assembly.");
            }

            var metadata = image.GetMetadataReader();
            return metadata.IsAssembly && metadata.GetAssemblyDefinition().GetCustomAttributes()
                .Select(metadata.GetCustomAttribute)
                .Any(attribute => AttributeTypeName(metadata, attribute) == SignatureAttribute);
        }
        catch (BadImageFormatException error)
        {
            throw new UsageException($"{path} is not a .NET assembly: {error.Message}", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {error.Message}", error);
        }
    }

    private static string? AttributeTypeName(MetadataReader metadata, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference when metadata.GetTypeReference((TypeReferenceHandle)type) is var reference =>
                metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name),
            HandleKind.TypeDefinition when metadata.GetTypeDefinition((TypeDefinitionHandle)type) is var definition =>
                metadata.GetString(definition.Namespace) + "." + metadata.GetString(definition.Name),
            _ => null,
        };
    }

    // The assembly's whole folder, for the dependencies the rewriter resolves and the test loads beside it;
    // a fresh copy each run, so that a rebuilt assembly is never explored in a stale rewrite.
    private static void CopyFolder(string from, string to)
    {
        // The output folder may lie inside the assembly's folder (a run started in bin/): never copy the copies.
        var copies = Path.GetDirectoryName(Path.GetFullPath(to)) + Path.DirectorySeparatorChar;
        try
        {
            if (Directory.Exists(to))
            {
                Directory.Delete(to, recursive: true);
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                if (Path.GetFullPath(file).StartsWith(copies, StringComparison.Ordinal))
                {
                    continue;
                }

                var destination = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot copy {from} to {to} for rewriting: {error.Message}", error);
        }
    }
}
