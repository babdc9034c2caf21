package io.newsflow.enrich.tag;

import io.newsflow.schema.TagType;

import io.newsflow.enrich.tsv.TsvFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Known entities with their canonical name, type and aliases. Loaded from a tab-separated file, one
 * entity a line: {@code canonical<TAB>TYPE[<TAB>alias|alias|...[<TAB>context[<TAB>prior[<TAB>wikidata id
 * [<TAB>demonym|demonym...]]]]]} ({@code #} starts a comment). The canonical name is always an alias of itself.
 * Aliases match case-sensitively, as written, which is what keeps "Turkey" the country apart from "turkey" the
 * bird. {@code context} names the entity a place lies in (its country); a {@code prior} below 1 marks a name
 * that is tagged only with support: its context also found, or two mentions. The Wikidata id ({@code Q183}) goes
 * on the entity's tags. Demonyms ("German") support the places of their country but are not a mention of it.
 */
public final class Gazetteer {

    /** The bundled gazetteer resource. */
    public static final String BUNDLED = "/gazetteer.tsv";

    /** One entity; {@code context} and {@code wikidataId} are empty when there is none. */
    public record Entry(String canonical, TagType type, List<String> aliases, String context, double prior, String wikidataId,
                        List<String> demonyms) {
        public Entry(String canonical, TagType type, List<String> aliases) {
            this(canonical, type, aliases, "", 1.0);
        }

        public Entry(String canonical, TagType type, List<String> aliases, String context, double prior) {
            this(canonical, type, aliases, context, prior, "", List.of());
        }

        /** True when a mention alone is not enough to tag it. */
        public boolean needsSupport() {
            return prior < 1.0;
        }
    }

    private final List<Entry> entries;

    public Gazetteer(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The gazetteer that ships with enrich-service. */
    public static Gazetteer bundled() {
        return TsvFile.bundled(BUNDLED, "gazetteer", Gazetteer::fromRows);
    }

    /** A gazetteer from a file a user maintains. */
    public static Gazetteer load(Path file) throws IOException {
        return TsvFile.load(file, "gazetteer", Gazetteer::fromRows);
    }

    static Gazetteer parse(Reader source, String name) throws IOException {
        return TsvFile.parse(source, name, "gazetteer", Gazetteer::fromRows);
    }

    private static Gazetteer fromRows(List<TsvFile.Row> rows, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        for (TsvFile.Row row : rows) {
            String[] fields = row.fields();
            if (fields.length < 2 || fields[0].isBlank()) {
                problems.add(row.where() + ": expected canonical<TAB>TYPE[<TAB>alias|alias]");
                continue;
            }
            TagType type;
            try {
                type = TagType.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(row.where() + ": unknown type '" + fields[1].strip() + "'");
                continue;
            }
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(fields[0].strip());
            if (fields.length > 2) {
                for (String alias : fields[2].split("\\|")) {
                    if (!alias.isBlank()) {
                        aliases.add(alias.strip());
                    }
                }
            }
            String context = fields.length > 3 ? fields[3].strip() : "";
            double prior = 1.0;
            if (fields.length > 4 && !fields[4].isBlank()) {
                try {
                    prior = Double.parseDouble(fields[4].strip());
                } catch (NumberFormatException e) {
                    problems.add(row.where() + ": prior '" + fields[4].strip() + "' is not a number");
                    continue;
                }
            }
            String wikidataId = fields.length > 5 ? fields[5].strip() : "";
            if (!wikidataId.isEmpty() && !wikidataId.matches("Q[1-9][0-9]*")) {
                problems.add(row.where() + ": Wikidata id '" + wikidataId + "' is not Q followed by a number");
                continue;
            }
            List<String> demonyms = new ArrayList<>();
            if (fields.length > 6) {
                for (String demonym : fields[6].split("\\|")) {
                    if (!demonym.isBlank()) {
                        demonyms.add(demonym.strip());
                    }
                }
            }
            entries.add(new Entry(fields[0].strip(), type, List.copyOf(aliases), context, prior, wikidataId, List.copyOf(demonyms)));
        }
        return new Gazetteer(entries);
    }
}
