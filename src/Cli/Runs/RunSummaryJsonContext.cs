using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interleave.Cli.Runs;

/// <summary>
/// The run summary's JSON form (<see cref="RunSummaryFile"/>), generated at build time: every engine process of
/// <c>test -p N</c> writes one and its parent reads them, and a reflection-based serializer compiled its
/// converters at each start (about 0.05 s of a two-process run of 2 schedules; bench/RESULTS.md).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class RunSummaryJsonContext : JsonSerializerContext;
