using System;
using System.Globalization;

namespace Batch.Sdk.Serialization;

/// <summary>
/// The spec's <c>format: date</c> values (<c>2015-11-20</c>) as <see cref="DateTimeOffset"/> at midnight UTC, whatever
/// the machine's time zone. Reading also accepts a full date-time; writing is always <c>yyyy-MM-dd</c>, in the
/// invariant calendar.
/// </summary>
/// <remarks>
/// The generated <c>DateFormatConverter</c> derives from this class (build/nswag/templates/DateFormatConverter.liquid).
/// NJsonSchema's own, an IsoDateTimeConverter, read dates in the machine's time zone and culture and let a bare
/// <see cref="FormatException"/> escape on anything else.
/// </remarks>
internal class BatchDateConverter : BatchDateTimeOffsetConverter
{
    protected override string Expected => "a date (yyyy-MM-dd)";

    protected override bool TryParse(string text, out DateTimeOffset value) =>
        BatchDateText.TryParseDate(text, out value) || base.TryParse(text, out value);

    protected override string Write(DateTimeOffset date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
