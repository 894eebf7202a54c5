global using Interleave.Primitives;
