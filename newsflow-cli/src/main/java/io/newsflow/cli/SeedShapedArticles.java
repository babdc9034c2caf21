package io.newsflow.cli;

import java.util.Random;

/**
 * Seed-shaped articles for the soak and the pipeline benchmark: about 2.5 KB of paragraphs naming people and places, standalone
 * ad markers where ad slots were, and a Topics footer. Deterministic for a given seed. Each article is a different story as
 * far as the dedup step can tell: its sentences are drawn word by word from a vocabulary, so two articles share almost no
 * three-word run (an earlier version repeated one sentence template, and every article was a near-duplicate of the first).
 */
public final class SeedShapedArticles {

    private static final String[] PEOPLE = {"Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sanchez", "Donald Tusk",
            "Ursula von der Leyen", "Keir Starmer", "Volodymyr Zelensky"};
    private static final String[] PLACES = {"Paris", "Berlin", "Rome", "Madrid", "Warsaw", "Brussels", "London", "Kyiv", "Lisbon", "Vienna"};
    private static final String[] SUBJECTS = {"the budget", "rail strikes", "energy prices", "the harbour project", "school meals",
            "flood defences", "the grain corridor", "pension reform"};
    private static final String[] MARKERS = {"Advert", "ADVERTISEMENT", "- Advertisement -", "[Advert]"};
    private static final String[] WORDS = ("""
            minister council government officials city region country week month year plan report talks vote deal law court police
            union workers company market prices costs budget tax energy water roads schools hospitals housing transport trains port
            airport farmers families residents voters leaders party opposition parliament committee agency office board bank fund
            said told warned agreed refused announced expected planned proposed rejected approved delayed promised reported confirmed
            new old large small public private local national regional early late final first second third several many few most
            after before during since until while because although when where which that this those these their other further
            increase cut rise fall growth loss support pressure demand supply service network project programme scheme proposal
            decision agreement statement meeting election campaign strike protest crisis storm flood fire drought harvest season
            morning evening weekend night hours days weeks months centre north south east west coast border capital district town
            village street bridge station square market hall museum theatre stadium club team match league coach players fans
            doctors nurses patients teachers pupils students researchers scientists engineers drivers pilots passengers visitors
            build open close reopen extend reduce raise share keep move start finish return replace repair protect measure
            quickly slowly again still already nearly almost only also even later soon once twice often rarely publicly privately
            """).trim().split("\\s+");

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
            for (int sentence = 0; sentence < 3; sentence++) {
                body.append(random.nextInt(4) == 0 ? pick(PEOPLE) : "Officials in " + pick(PLACES));
                for (int word = 8 + random.nextInt(12); word > 0; word--) {
                    body.append(' ').append(random.nextInt(15) == 0 ? pick(PLACES) : pick(WORDS));
                }
                body.append(sentence < 2 ? ". " : ".\n\n");
            }
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
