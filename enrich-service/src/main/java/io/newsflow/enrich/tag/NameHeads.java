package io.newsflow.enrich.tag;

import io.newsflow.schema.TagType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The type a name's own words give it: "Northbrook District Council" is an organisation and "River Severn" a place,
 * whatever type the recogniser guessed, because of the word that heads the name: an organisation's last word
 * ("... Council", "... GmbH"), then a place's or an organisation's first ("River ...", "University of ..."), then a
 * place's last ("... Street", "... Lake"), except in a two-word name opening with a given name ("Damon Hill", "Jennifer
 * Park"), a person's. Words for en, de, fr and es. Plain Java, immutable.
 */
final class NameHeads {

    private static final Set<String> ORGANIZATION_LAST = Set.of("council", "committee", "commission", "agency", "ministry",
            "department", "court", "foundation", "federation", "union", "club", "group", "association", "society", "institute",
            "institution", "university", "college", "school", "academy", "library", "museum", "gallery", "trust", "company",
            "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "ag", "gmbh", "se", "s.a.", "sa", "bank",
            "party", "army", "police", "service", "services", "hospital", "railroad", "railway", "airlines", "airways", "times",
            "post", "news", "chronicle", "journal", "herald", "gazette", "tribune", "telegraph", "office", "authority", "board",
            "forces", "force", "navy", "organization", "organisation", "network", "ventures", "partners", "holdings",
            "industries", "motors", "systems", "technologies", "labs", "laboratories", "fc", "cf", "rovers", "assembly",
            "parliament", "senate", "congress", "cabinet", "government", "brigade", "regiment", "battalion", "command",
            "verein", "partei", "ministerium", "gericht", "stiftung", "universität", "gesellschaft", "verband", "amt", "rat",
            "kommission", "behörde", "zeitung", "konzern", "bundesamt", "polizei", "université", "ministère", "conseil",
            "comité", "parti", "société", "universidad", "ministerio", "partido", "consejo", "comisión", "ayuntamiento",
            "gobierno", "sociedad", "fundación", "asociación");
    private static final Set<String> ORGANIZATION_FIRST = Set.of("university", "ministry", "department", "bank", "museum",
            "institute", "banco", "université", "universidad", "ministère", "ministerio", "partido", "parti", "comité", "conseil",
            "consejo", "universität", "bundesministerium", "ministerium", "college", "council", "commission", "federation",
            "society", "association", "union");
    private static final Set<String> PLACE_LAST = Set.of("street", "st", "road", "rd", "avenue", "ave", "lane", "way", "square",
            "park", "lake", "river", "creek", "brook", "pond", "bay", "island", "islands", "mountain", "mountains", "hill",
            "hills", "valley", "county", "province", "region", "reservoir", "bridge", "tower", "airport", "station", "beach",
            "forest", "desert", "sea", "ocean", "gulf", "coast", "peninsula", "canyon", "falls", "harbour", "harbor", "abbey",
            "cathedral", "castle", "stadium", "arena", "straße", "strasse", "platz", "gasse", "allee", "berg", "see", "tal",
            "kreis", "landkreis", "insel", "gebirge");
    private static final Set<String> PLACE_FIRST = Set.of("river", "lake", "mount", "mt", "mt.", "cape", "gulf", "isle", "lac",
            "mont", "rio", "río", "monte", "sierra", "rue", "boulevard", "calle", "plaza", "isla", "avenida", "place", "lago",
            "golfe", "cap");

    private final Set<String> firstNames;

    NameHeads(List<String> firstNames) {
        Set<String> names = new HashSet<>();
        for (String name : firstNames) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        this.firstNames = Set.copyOf(names);
    }

    static NameHeads bundled() {
        return new NameHeads(FirstNames.bundled());
    }

    /** The type {@code words} (a name of two words or more) give, when they give one. */
    Optional<TagType> type(String[] words) {
        if (words.length < 2) {
            return Optional.empty();
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (ORGANIZATION_LAST.contains(last)) {
            return Optional.of(TagType.ORGANIZATION);
        }
        if (PLACE_FIRST.contains(first)) {
            return Optional.of(TagType.PLACE);
        }
        if (ORGANIZATION_FIRST.contains(first)) {
            return Optional.of(TagType.ORGANIZATION);
        }
        if (PLACE_LAST.contains(last) && !(words.length == 2 && firstNames.contains(first))) {
            return Optional.of(TagType.PLACE);
        }
        return Optional.empty();
    }
}
