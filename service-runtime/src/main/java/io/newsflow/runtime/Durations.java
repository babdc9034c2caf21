package io.newsflow.runtime;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as operators write them: {@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}, or ISO-8601 ({@code PT5M}). */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return positive(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
            }
            if (value.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))), text);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return positive(switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            }, text);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write 30s, 5m, 2h or ISO-8601 like PT5M");
        } catch (IllegalArgumentException e) {
            throw e.getMessage() == null
                    ? new IllegalArgumentException("'" + text + "' is not a duration: write 30s, 5m, 2h or ISO-8601 like PT5M") : e;
        }
    }

    private static Duration positive(Duration duration, String text) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return duration;
    }
}
