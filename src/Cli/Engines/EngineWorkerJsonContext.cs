using System.Text.Json;
using System.Text.Json.Serialization;
using Interleave.Cli.Runs;

namespace Interleave.Cli.Engines;

/// <summary>
/// A test's result on one line (<see cref="EngineWorkerLoop"/>'s result lines), generated at build time like
/// <see cref="RunSummaryJsonContext"/>, without its indentation.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TestResult))]
internal sealed partial class EngineWorkerJsonContext : JsonSerializerContext;
