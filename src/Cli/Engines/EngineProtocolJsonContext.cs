using System.Text.Json;
using System.Text.Json.Serialization;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// The jobs and results of <see cref="EngineProtocol"/>, one line of JSON each, generated at build time like
/// <see cref="RunSummaryJsonContext"/> (an engine process would otherwise compile reflection converters at its start).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EngineJob))]
[JsonSerializable(typeof(TestResult))]
internal sealed partial class EngineProtocolJsonContext : JsonSerializerContext;
