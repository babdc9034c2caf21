package io.newsflow.stack;

import java.util.Random;

/**
 * Seed-shaped articles for the soak and the pipeline benchmark: about 2.5 KB of paragraphs naming people and places, standalone
 * ad markers where ad slots were, and a Topics footer. Deterministic for a given seed.
 */
public final class SeedShapedArticles {

    private static final String[] PEOPLE = {"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sanchez", "Donald Tusk",
            "Ursula von der Leyen", "Keir Starmer", "Volodymyr Zelensky"};
    private static final String[] PLACES = {"Paris", "Berlin", "Rome", "Madrid", "Warsaw", "Brussels", "London", "Kyiv", "Lisbon", "Vienna"};
    private static final String[] SUBJECTS = {"the budget", "rail strikes", "energy prices", "the harbour project", "school meals",
            "flood defences", "the grain corridor", "pension reform"};
    private static final String[] MARKERS = {"Advert", "ADVERTISEMENT", "- Advertisement -", "[Advert]"};

    private final Random random;

    public SeedShapedArticles(long seed) {
        this.random = new Random(seed);
    }

    /** The next article body. */
    public String next() {
        StringBuilder body = new StringBuilder(3_000);
        String place = pick(PLACES);
        String person = pick(PEOPLE);
        body.append(person).append(" arrived in ").append(place).append(" on Tuesday to discuss ").append(pick(SUBJECTS))
                .append(" with officials who have spent months preparing the talks.\n\n");
        while (body.length() < 2_400) {
            body.append("Officials in ").append(pick(PLACES)).append(" said ").append(pick(SUBJECTS)).append(" would be on the table, and ")
                    .append(pick(PEOPLE)).append(" told reporters the meeting had been constructive but that no agreement was expected before ")
                    .append("the end of the month.\n\n");
            if (random.nextInt(3) == 0) {
                body.append(pick(MARKERS)).append("\n\n");
            }
        }
        body.append("Topics: ").append(place).append(", ").append(person).append(", Politics\n");
        return body.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
