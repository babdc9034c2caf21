package io.newsflow.enrich.trend;

/**
 * The store key of one tag's count in one bucket: {@code type NUL tag NUL bucket} (the bucket as 12 digits), so that a
 * prefix scan of {@code type NUL} reads every count of a type, tag by tag, oldest bucket first.
 */
public record BucketKey(String type, String tag, long bucket) {

    private static final char SEPARATOR = '\u0000';

    /** The key as stored. A NUL in a tag name (never in a sane one) becomes a space. */
    public String encode() {
        return type + SEPARATOR + tag.replace(SEPARATOR, ' ') + SEPARATOR + digits(bucket);
    }

    /** {@code bucket} as {@code String.format("%012d", bucket)} writes it, without a formatter for the usual case. */
    static String digits(long bucket) {
        if (bucket < 0) {
            return String.format(java.util.Locale.ROOT, "%012d", bucket);
        }
        String plain = Long.toString(bucket);
        return plain.length() >= 12 ? plain : "000000000000".substring(plain.length()) + plain;
    }

    /** The prefix of every key of {@code type}. */
    public static String prefix(String type) {
        return type + SEPARATOR;
    }

    /** The key {@code stored} was made from, or null when it is not a bucket key. */
    public static BucketKey decode(String stored) {
        int first = stored.indexOf(SEPARATOR);
        int last = stored.lastIndexOf(SEPARATOR);
        if (first <= 0 || last <= first) {
            return null;
        }
        try {
            return new BucketKey(stored.substring(0, first), stored.substring(first + 1, last), Long.parseLong(stored.substring(last + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
