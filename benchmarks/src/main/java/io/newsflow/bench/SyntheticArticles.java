package io.newsflow.bench;

import io.newsflow.enrich.tag.Gazetteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic articles in the scraped shape and of the reference article's size (~2.9 KB): prose
 * sentences that mention gazetteer names now and then, standalone ad-marker lines between paragraphs,
 * a prose line that mentions an advert, and a Topics footer. Seeded, so every run measures the same text.
 */
final class SyntheticArticles {

    static final int TARGET_CHARS = 2_900;

    private static final String[] WORDS = ("the a of to in and on for with as by at from that said was were is are has have "
            + "had will would could after before during over under against between about more than people officials police "
            + "government minister city country protest protests footage social media shows thousands dozens hundreds "
            + "reported according statement evening morning yesterday today week month year vote election army troops "
            + "company market prices talks deal plan decision move latest scenes streets buses arrested blocked filming "
            + "independent organisation petition signed tickets flights direct reservists drafted threatened jail years").split(" ");
    private static final String[] MARKERS = {"Advert", "Advertisement", "- Advertisement -", "[Advert]", "ADVERTISEMENT"};

    private SyntheticArticles() {
    }

    static List<String> generate(int count, long seed, Gazetteer gazetteer) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (Gazetteer.Entry entry : gazetteer.entries()) {
            names.add(entry.aliases().get(random.nextInt(entry.aliases().size())));
        }
        List<String> articles = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            articles.add(article(random, names));
        }
        return articles;
    }

    private static String article(Random random, List<String> names) {
        StringBuilder text = new StringBuilder(TARGET_CHARS + 200);
        List<String> featured = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            featured.add(names.get(random.nextInt(names.size())));
        }
        int line = 0;
        while (text.length() < TARGET_CHARS) {
            if (line > 0 && line % 3 == 0) {
                text.append(MARKERS[random.nextInt(MARKERS.length)]).append('\n');
            } else if (line == 5) {
                text.append("The advert for the rally was shared widely before it was taken down.\n");
            } else {
                sentence(random, featured, text);
            }
            line++;
        }
        text.append("Topics: ").append(featured.get(0)).append(", ").append(featured.get(1)).append(", ").append(featured.get(2)).append('\n');
        return text.toString();
    }

    private static void sentence(Random random, List<String> featured, StringBuilder text) {
        int words = 18 + random.nextInt(22);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            if (random.nextInt(9) == 0) {
                text.append(featured.get(random.nextInt(featured.size())));
                if (random.nextInt(5) == 0) {
                    text.append("'s");
                }
            } else {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            }
        }
        text.append(".\n");
    }
}
