using System.Buffers;
using Batch.Sdk.Pipeline;
using Newtonsoft.Json;

namespace Batch.Sdk.Serialization;

/// <summary>
/// Newtonsoft.Json's reader and writer buffers, rented from the shared pool instead of allocated per body; like the
/// response buffers, none over <see cref="BatchResponseBuffer.PooledLimit"/> bytes is pooled.
/// </summary>
internal sealed class BatchJsonCharPool : IArrayPool<char>
{
    /// <summary>The longest array pooled, in characters.</summary>
    internal const int PooledLength = BatchResponseBuffer.PooledLimit / sizeof(char);

    public static readonly BatchJsonCharPool Instance = new();

    private BatchJsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) =>
        minimumLength <= PooledLength ? ArrayPool<char>.Shared.Rent(minimumLength) : new char[minimumLength];

    public void Return(char[]? array)
    {
        if (array is not null && array.Length <= PooledLength)
            ArrayPool<char>.Shared.Return(array);
    }
}
