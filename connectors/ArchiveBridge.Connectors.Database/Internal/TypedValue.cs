using System.Globalization;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// A watermark or key value with its .NET type, so a checkpoint binds back as the same type it was read as
/// (an integer compares as an integer, a PostgreSQL <c>timestamp</c> as a timestamp). Encoded <c>kind:text</c>.
/// </summary>
internal readonly record struct TypedValue(char Kind, string Text)
{
    private const char KindInteger = 'i', KindDecimal = 'n', KindDouble = 'f', KindText = 's', KindDateTime = 't', KindDateTimeOffset = 'o', KindGuid = 'g';

    /// <summary>Wraps a value read from a data reader; throws <see cref="NotSupportedException"/> for types that cannot order rows.</summary>
    public static TypedValue From(object value) => value switch
    {
        long or int or short or byte or sbyte or ushort or uint => new(KindInteger, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        decimal d => new(KindDecimal, d.ToString(CultureInfo.InvariantCulture)),
        double or float => new(KindDouble, Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        string s => new(KindText, s),
        DateTime dt => new(KindDateTime, dt.ToString("o", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => new(KindDateTimeOffset, dto.ToString("o", CultureInfo.InvariantCulture)),
        Guid g => new(KindGuid, g.ToString("D")),
        _ => throw new NotSupportedException($"a column of .NET type {value.GetType().Name} cannot order rows; use a time, number or text column"),
    };

    public static bool TryDecode(string encoded, out TypedValue value)
    {
        value = default;
        if (encoded.Length < 2 || encoded[1] != ':' || !"infstog".Contains(encoded[0], StringComparison.Ordinal)) return false;
        value = new TypedValue(encoded[0], encoded[2..]);
        try { _ = value.ToParameter(); return true; }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }

    public string Encode() => $"{Kind}:{Text}";

    /// <summary>The value to bind as a parameter, of the type it was read as.</summary>
    public object ToParameter() => Kind switch
    {
        KindInteger => long.Parse(Text, CultureInfo.InvariantCulture),
        KindDecimal => decimal.Parse(Text, CultureInfo.InvariantCulture),
        KindDouble => double.Parse(Text, CultureInfo.InvariantCulture),
        KindDateTime => DateTime.ParseExact(Text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        KindDateTimeOffset => DateTimeOffset.ParseExact(Text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        KindGuid => Guid.Parse(Text),
        _ => Text,
    };

    public bool IsNumber => Kind is KindInteger or KindDecimal or KindDouble;

    /// <summary>True for date-time values: the ones an overlap can shift (text only when it reads as a date-time).</summary>
    public bool IsTime => TryGetTime(out _);

    /// <summary>The value as a point on a time line, for the overlap window (wall time for text and <c>timestamp</c>).</summary>
    public bool TryGetTime(out DateTime time)
    {
        switch (Kind)
        {
            case KindDateTime:
                time = (DateTime)ToParameter();
                return true;
            case KindDateTimeOffset:
                time = ((DateTimeOffset)ToParameter()).UtcDateTime;
                return true;
            case KindText when TimeText.TryParse(Text, out var parsed, out _):
                time = parsed.DateTime;
                return true;
            default:
                time = default;
                return false;
        }
    }

    /// <summary>This time minus <paramref name="overlap"/>, in the same type (and, for text, the same format).</summary>
    public TypedValue Minus(TimeSpan overlap)
    {
        switch (Kind)
        {
            case KindDateTime:
                var dt = (DateTime)ToParameter();
                return From(dt - DateTime.MinValue < overlap ? DateTime.SpecifyKind(DateTime.MinValue, dt.Kind) : dt - overlap);
            case KindDateTimeOffset:
                var dto = (DateTimeOffset)ToParameter();
                return From(dto - DateTimeOffset.MinValue < overlap ? DateTimeOffset.MinValue : dto - overlap);
            case KindText when TimeText.TryParse(Text, out var parsed, out var format):
                return new(KindText, TimeText.Format(parsed - overlap, format));
            default:
                throw new InvalidOperationException($"'{Text}' is not a date-time");
        }
    }
}
