package io.newsflow.enrich.tag;

import io.newsflow.schema.TagType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is known of each token before the name recogniser weighs it: whether it is a given name, and whether it is the
 * first or a later word of a gazetteer name of a type (the longest match over the tokens, case as written). The
 * recogniser reads these as features beside the words themselves, so a known name helps without being the only way to
 * find one. Plain Java; immutable, one instance serves every thread.
 */
public final class NameLexicon {

    static final int FIRST_NAME = 1;
    /** Gazetteer flags: bit {@code GAZETTEER << (2 * type)} for a first word, the next bit up for a later word. */
    static final int GAZETTEER = 2;
    private static final List<TagType> TYPES = List.of(TagType.PERSON, TagType.PLACE, TagType.ORGANIZATION);

    private final Set<String> firstNames;
    private final List<Gazetteer.Entry> entries;
    private final TermMatcher matcher;

    public NameLexicon(Gazetteer gazetteer, List<String> firstNames) {
        this.entries = gazetteer.entries();
        this.matcher = new TermMatcher(entries);
        Set<String> names = new HashSet<>();
        for (String name : firstNames) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        this.firstNames = Set.copyOf(names);
    }

    /** The bundled gazetteer and first names. */
    public static NameLexicon bundled() {
        return new NameLexicon(Gazetteer.bundled(), FirstNames.bundled());
    }

    /** The flags of each token. */
    public int[] flags(NameTokens tokens) {
        int[] flags = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.capitalised(i) && firstNames.contains(tokens.word(i).toLowerCase(Locale.ROOT))) {
                flags[i] |= FIRST_NAME;
            }
        }
        String text = tokens.text();
        int[] token = {0};
        matcher.match(text, (entry, start, end) -> {
            int type = TYPES.indexOf(entries.get(entry).type());
            if (type < 0) {
                return;
            }
            while (token[0] < tokens.size() && tokens.end(token[0]) <= start) {
                token[0]++;
            }
            for (int i = token[0]; i < tokens.size() && tokens.start(i) < end; i++) {
                flags[i] |= (tokens.start(i) <= start ? GAZETTEER : GAZETTEER << 1) << (2 * type);
            }
        });
        return flags;
    }
}
