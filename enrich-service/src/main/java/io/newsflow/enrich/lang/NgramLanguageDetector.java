package io.newsflow.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names a text's language (ISO 639-1) from a bounded sample of it, fast enough to run on every
 * article: a naive Bayes over character trigrams, scored against the language profiles
 * that ship inside optimaize language-detector's jar (71 languages, n-gram counts from Wikipedia,
 * Apache-2.0; the same data its own detector uses, without its per-n-gram string allocations and
 * 71-way multiplications over the whole text).
 *
 * <ul>
 *   <li>The sample is three windows, at the start, a third and two thirds of the text, so a quote or a
 *       header in another language does not decide alone. Each window gives at least
 *       {@value #CHECK_EVERY} trigrams, then goes on only while the leader is less than
 *       {@value #DECIDED_MARGIN} nats ahead (e^12: more text would not change the answer), and ends at
 *       {@value #WINDOW} characters.</li>
 *   <li>Each profile n-gram's probability gets langdetect's floor ({@value #FLOOR}) added; an n-gram
 *       scores {@code log((p + floor) / floor)} for each language that has it, nothing for the others.</li>
 *   <li>Kana, Hangul or Han text is named by its script (ja, ko, zh): the profiles keep those scripts
 *       folded into classes this scorer does not reproduce.</li>
 *   <li>A guess whose posterior is below {@value #MIN_CONFIDENCE}, or on fewer than {@value #MIN_LETTERS}
 *       letters, is no guess.</li>
 * </ul>
 * Thread-safe after construction; never throws on text; allocates one small score array per call.
 */
public final class NgramLanguageDetector implements LanguageDetection {

    static final int WINDOW = 200;
    static final double FLOOR = 0.5 / 10_000;
    static final double MIN_CONFIDENCE = 0.85;
    static final int MIN_LETTERS = 20;
    static final double DECIDED_MARGIN = 12;
    static final int CHECK_EVERY = 24;
    /** Profile trigrams barely above the floor (under e^1 times it) are left out: 38% fewer entries to touch, same answers on the test set. */
    static final double MIN_EVIDENCE = 1.0;

    private final String[] languages;
    private final NgramTable table;

    public NgramLanguageDetector() {
        List<String> codes = new ArrayList<>();
        Map<Long, Map<Integer, Double>> grams = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (LdLocale locale : BuiltInLanguages.getLanguages()) {
            int index = codes.size();
            codes.add(locale.getLanguage());
            try (InputStream in = LdLocale.class.getResourceAsStream("/languages/" + locale)) {
                if (in == null) {
                    throw new IllegalStateException("language profile " + locale + " missing from the language-detector jar");
                }
                JsonNode profile = json.readTree(in);
                JsonNode totals = profile.get("n_words");
                Map<Long, Long> counts = new HashMap<>();
                profile.get("freq").properties().forEach(entry -> {
                    String gram = entry.getKey().toLowerCase(Locale.ROOT);
                    if (gram.length() == 3) {
                        counts.merge(key(gram), entry.getValue().asLong(), Long::sum);
                    }
                });
                double total = totals.get(2).asDouble();
                counts.forEach((key, count) -> {
                    double evidence = Math.log((count / total + FLOOR) / FLOOR);
                    if (evidence >= MIN_EVIDENCE) {
                        grams.computeIfAbsent(key, k -> new HashMap<>()).put(index, evidence);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language profiles bundled with language-detector", e);
            }
        }
        languages = codes.toArray(String[]::new);
        table = new NgramTable(grams);
    }

    @Override
    public Optional<String> guess(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        float[] score = new float[languages.length];
        Sample sample = new Sample();
        int third = text.length() / 3;
        for (int start : new int[] {0, third, 2 * third}) {
            scan(text, start > 0 ? wordStart(text, start) : 0, score, sample);
            if (text.length() <= WINDOW) {
                break;
            }
        }
        if (sample.letters < MIN_LETTERS) {
            return Optional.empty();
        }
        Optional<String> byScript = sample.byScript();
        if (byScript.isPresent()) {
            return byScript;
        }
        int best = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[best]) {
                best = i;
            }
        }
        double sum = 0;
        for (float s : score) {
            sum += Math.exp(s - score[best]);
        }
        return 1 / sum >= MIN_CONFIDENCE ? Optional.of(languages[best]) : Optional.empty();
    }

    /** The leader is ahead of the runner-up by {@value #DECIDED_MARGIN} nats or more: more text would not change the answer. */
    private static boolean decided(float[] score) {
        float best = Float.NEGATIVE_INFINITY;
        float second = Float.NEGATIVE_INFINITY;
        for (float s : score) {
            if (s > best) {
                second = best;
                best = s;
            } else if (s > second) {
                second = s;
            }
        }
        return best - second >= DECIDED_MARGIN;
    }

    /** Letters counted by script, for the scripts named without n-grams. */
    private static final class Sample {
        int letters;
        int kana;
        int hangul;
        int han;

        Optional<String> byScript() {
            if (kana * 10 >= letters) {
                return Optional.of("ja");
            }
            if (hangul * 2 >= letters) {
                return Optional.of("ko");
            }
            if (han * 2 >= letters) {
                return Optional.of("zh");
            }
            return Optional.empty();
        }
    }

    /**
     * Scores one window: at least {@value #CHECK_EVERY} trigrams where the text has them, then until the
     * answer so far is decided, at most {@value #WINDOW} characters.
     */
    private void scan(String text, int from, float[] score, Sample sample) {
        int end = Math.min(text.length(), from + WINDOW);
        char first = ' ';
        char second = ' ';
        int trigrams = 0;
        for (int i = from; i < end; i++) {
            char c = normalize(text.charAt(i));
            if (c == ' ' && second == ' ') {
                continue;
            }
            if (c != ' ') {
                count(c, sample);
            }
            if (first != ' ' || second != ' ') {
                table.addTo(key(first, second, c), score);
                if (++trigrams % CHECK_EVERY == 0 && sample.letters >= MIN_LETTERS && decided(score)) {
                    return;
                }
            }
            first = second;
            second = c;
        }
        if (second != ' ') {
            table.addTo(key(first, second, ' '), score);
        }
    }

    private static void count(char c, Sample sample) {
        sample.letters++;
        if (c < '\u1100') {
            return;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
            sample.kana++;
        } else if (script == Character.UnicodeScript.HANGUL) {
            sample.hangul++;
        } else if (script == Character.UnicodeScript.HAN) {
            sample.han++;
        }
    }

    /** Lower-case letters; everything else is a word break. Romanian comma-below letters as the profiles spell them. */
    static char normalize(char c) {
        if (!Character.isLetter(c)) {
            return ' ';
        }
        char lower = Character.toLowerCase(c);
        return switch (lower) {
            case '\u0219' -> '\u015f';
            case '\u021b' -> '\u0163';
            default -> lower;
        };
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static long key(String gram) {
        return key(normalize(gram.charAt(0)), normalize(gram.charAt(1)), normalize(gram.charAt(2)));
    }

    /** Three chars in one long; never 0 (the empty slot), as a space is 0x20. */
    static long key(char a, char b, char c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }
}
