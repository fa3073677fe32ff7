using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Pagination;

/// <summary>
/// Walks the pages of a list operation for the generated <c>ListAllAsync</c> methods (operations marked
/// <c>x-batch-pagination</c> in the spec). Pages are fetched lazily, one at a time, as the caller enumerates.
/// </summary>
internal static class BatchPager
{
    /// <summary>
    /// The 1.1 lists take <c>from</c> (an offset) and <c>limit</c>. The documentation gives no default page size,
    /// so the documented maximum is asked for explicitly; a page shorter than that is the last one.
    /// </summary>
    public const int OffsetMaxPageSize = 100;

    /// <summary>2.x lists: <c>from</c> is the <c>next_from</c> cursor of the previous page, until <c>has_more</c> is false.</summary>
    public static async IAsyncEnumerable<TItem> Cursor<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, bool?> hasMore,
        Func<TPage, string?> nextFrom,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        while (true)
        {
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Array.Empty<TItem>())
                yield return item;

            var next = nextFrom(page);
            if (hasMore(page) != true || string.IsNullOrEmpty(next))
                yield break;
            // A server that hands back the cursor it was given would make this loop forever.
            if (next == cursor)
                throw new InvalidOperationException("Batch returned the same next_from cursor twice; stopping instead of looping forever.");
            cursor = next;
        }
    }

    /// <summary>1.1 lists: <c>from</c> is an offset; the last page is the first one shorter than the page size.</summary>
    public static async IAsyncEnumerable<TItem> Offset<TItem>(
        Func<int, int, CancellationToken, Task<IList<TItem>>> fetchPage,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = pageSize ?? OffsetMaxPageSize;
        if (limit <= 0)
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be positive.");

        var offset = 0;
        while (true)
        {
            var page = await fetchPage(offset, limit, cancellationToken).ConfigureAwait(false) ?? Array.Empty<TItem>();
            foreach (var item in page)
                yield return item;
            if (page.Count < limit)
                yield break;
            offset += page.Count;
        }
    }
}
