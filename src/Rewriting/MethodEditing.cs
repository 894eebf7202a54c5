using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Interleave.Rewriting;

/// <summary>What the passes need to insert instructions into a method body and keep its branches and PDB right.</summary>
internal static class MethodEditing
{
    /// <summary>Each instruction's source line: that of the nearest visible sequence point at or before it, or an empty file and line 0.</summary>
    internal static Dictionary<Instruction, (string File, int Line)> SourceLines(MethodDefinition method, IDictionary<Instruction, SequencePoint> points)
    {
        var sites = new Dictionary<Instruction, (string, int)>();
        (string, int) current = (string.Empty, 0);
        foreach (var instruction in method.Body.Instructions)
        {
            if (points.TryGetValue(instruction, out var point) && !point.IsHidden)
            {
                current = (point.Document.Url, point.StartLine);
            }

            sites[instruction] = current;
        }

        return sites;
    }

    /// <summary>
    /// Makes what pointed at each instruction of <paramref name="moved"/> (branches, switch tables, exception
    /// handlers, its sequence point) point at the first instruction inserted before it, so that the inserted
    /// instructions are never skipped and the statement's line starts where they do.
    /// </summary>
    /// <param name="method">The method, its instructions inserted already.</param>
    /// <param name="points">Its sequence points by instruction, as they were before the insertions.</param>
    /// <param name="moved">Each instruction that had instructions inserted before it, and the first of those.</param>
    internal static void Retarget(MethodDefinition method, IDictionary<Instruction, SequencePoint> points, IReadOnlyDictionary<Instruction, Instruction> moved)
    {
        var body = method.Body;
        foreach (var instruction in body.Instructions)
        {
            if (instruction.Operand is Instruction target && moved.TryGetValue(target, out var first))
            {
                instruction.Operand = first;
            }
            else if (instruction.Operand is Instruction[] targets)
            {
                for (var i = 0; i < targets.Length; i++)
                {
                    targets[i] = To(targets[i]);
                }
            }
        }

        foreach (var handler in body.ExceptionHandlers)
        {
            handler.TryStart = To(handler.TryStart);
            handler.TryEnd = To(handler.TryEnd);
            handler.HandlerStart = To(handler.HandlerStart);
            handler.HandlerEnd = To(handler.HandlerEnd);
            handler.FilterStart = To(handler.FilterStart);
        }

        var sequence = method.DebugInformation.SequencePoints;
        foreach (var (instruction, first) in moved)
        {
            if (points.TryGetValue(instruction, out var point))
            {
                sequence[sequence.IndexOf(point)] = new SequencePoint(first, point.Document)
                {
                    StartLine = point.StartLine,
                    StartColumn = point.StartColumn,
                    EndLine = point.EndLine,
                    EndColumn = point.EndColumn,
                };
            }
        }

        Instruction To(Instruction instruction) =>
            instruction is not null && moved.TryGetValue(instruction, out var first) ? first : instruction!;
    }
}
