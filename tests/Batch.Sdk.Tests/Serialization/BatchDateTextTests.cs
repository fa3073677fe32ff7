using System;
using System.Globalization;
using Batch.Sdk.Serialization;

namespace Batch.Sdk.Tests.Serialization;

public sealed class BatchDateTextTests
{
    [Theory]
    [InlineData("2018-08-13T10:11:38")]
    [InlineData("2024-01-24T10:22:00Z")]
    [InlineData("2024-01-24T10:22:00.5Z")]
    [InlineData("2024-01-24T10:22:00.1234567+02:00")]
    [InlineData("2024-02-29T23:59:59-14:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void Date_times_read_directly_equal_the_general_parser(string text)
    {
        BatchDateText.TryParseDateTime(text, out var fast).ShouldBeTrue();

        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var general).ShouldBeTrue();
        fast.ShouldBe(general);
        fast.Offset.ShouldBe(general.Offset);
    }

    [Theory]
    [InlineData("2018-08-13")]
    [InlineData("2018-08-13 10:11:38")]
    [InlineData("2018-08-13T10:11")]
    [InlineData("2018-08-13T10:11:38.")]
    [InlineData("2018-08-13T10:11:38.12345678Z")]
    [InlineData("2018-08-13T10:11:38+0200")]
    [InlineData("2018-08-13T10:11:38+15:00")]
    [InlineData("2018-02-30T10:11:38Z")]
    [InlineData("2018-08-13T24:00:00Z")]
    [InlineData("2018-08-13T10:11:60Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2018-08-13T10:11:38Zjunk")]
    [InlineData("２018-08-13T10:11:38Z")]
    public void Other_layouts_and_impossible_values_are_left_to_the_general_parser(string text) =>
        BatchDateText.TryParseDateTime(text, out _).ShouldBeFalse();

    [Fact]
    public void Random_date_times_read_directly_agree_with_the_general_parser()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 5000; i++)
        {
            var instant = new DateTime(1 + random.Next(9998), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60))
                .AddTicks(random.Next(10_000_000));
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var value = new DateTimeOffset(instant, offset);
            var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + value.ToString("zzz", CultureInfo.InvariantCulture);
            if (value.UtcTicks < DateTime.MinValue.Ticks)
                continue;

            BatchDateText.TryParseDateTime(text, out var fast).ShouldBeTrue(text);
            fast.ShouldBe(value, text);
            fast.Offset.ShouldBe(offset, text);
        }
    }

    [Theory]
    [InlineData("2015-11-20", 2015, 11, 20)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void Dates_are_midnight_utc(string text, int year, int month, int day)
    {
        BatchDateText.TryParseDate(text, out var value).ShouldBeTrue();

        value.ShouldBe(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
        value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2015-13-01")]
    [InlineData("2015-11-20T00:00:00Z")]
    [InlineData("20151120")]
    [InlineData("2015/11/20")]
    public void Text_that_is_not_a_real_yyyy_MM_dd_date_is_not_read_as_one(string text) =>
        BatchDateText.TryParseDate(text, out _).ShouldBeFalse();
}
