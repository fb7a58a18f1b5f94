package org.tradeline.extract.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeline.extract.text.TimelineFacts.ActorFacts;

/**
 * Finds a timeline's actors in a sentence by name, alias or short name: "Nippon Steel Corp."
 * is Nippon Steel, "US Steel" is U.S. Steel (full stops in initials do not matter), "Ishiba" is
 * Shigeru Ishiba. A person's short name is the last word of a two- or three-word name of
 * capitalised words ("Shigeru Ishiba" → "Ishiba"), unless two actors share it or it is a common
 * word of organisations' names ("Steel", "House"); editors add aliases for anything else.
 * Where names overlap, the longest wins ("U.S. Steel shareholders" is not also "U.S. Steel").
 */
final class ActorNames {

    private static final Set<String> GENERIC = Set.of("steel", "steelworkers", "government", "house", "group", "company",
            "corp", "corporation", "inc", "co", "ltd", "bank", "motors", "industries", "holdings", "partners", "capital",
            "union", "council", "committee", "department", "ministry", "commission", "agency", "office", "court", "party",
            "shareholders", "states", "kingdom", "republic", "board", "association", "institute", "federation", "works",
            "metals", "alloys", "mining", "energy", "systems", "international", "america", "japan", "china");
    private static final Set<String> NOT_GIVEN_NAMES = Set.of("the", "of", "and", "for", "de", "del", "la", "le", "van", "von");
    private static final Pattern SUFFIX = Pattern.compile("(?i)[,\\s]+(?:corp\\.?|corporation|inc\\.?|co\\.?|ltd\\.?|llc|plc|cos\\.?)$");

    /** One name of an actor; {@code key}, its longest word, must be in a sentence for the pattern to be worth running. */
    private record Form(String actor, Pattern pattern, int length, String key, boolean anyCase) {
    }

    private final List<Form> forms = new ArrayList<>();

    ActorNames(List<ActorFacts> actors) {
        Map<String, List<String>> shortNames = new HashMap<>();
        Set<String> fullNames = new LinkedHashSet<>();
        for (ActorFacts a : actors) {
            fullNames.add(key(a.name()));
            a.aliases().forEach(x -> fullNames.add(key(x)));
            shortName(a.name()).ifPresent(s -> shortNames.computeIfAbsent(key(s), k -> new ArrayList<>()).add(a.id()));
        }
        for (ActorFacts a : actors) {
            List<String> names = new ArrayList<>();
            names.add(a.name());
            names.addAll(a.aliases());
            shortName(a.name()).filter(s -> shortNames.get(key(s)).size() == 1 && !fullNames.contains(key(s))).ifPresent(names::add);
            for (String n : names) {
                String form = SUFFIX.matcher(n.strip()).replaceAll("");
                if (!form.isBlank()) {
                    String plainForm = plain(form);
                    boolean anyCase = plainForm.chars().noneMatch(Character::isUpperCase);
                    String key = java.util.Arrays.stream(plainForm.split("[^\\p{L}\\p{N}]+")).max(Comparator.comparingInt(String::length))
                            .orElse("");
                    forms.add(new Form(a.id(), pattern(form), form.length(), anyCase ? key.toLowerCase(Locale.ROOT) : key, anyCase));
                }
            }
        }
        forms.sort(Comparator.comparingInt(Form::length).reversed());
    }

    /** The ids of the actors the sentence names, in the order it names them. */
    List<String> find(String sentence) {
        String text = sentence.chars().allMatch(c -> c < 0x80) ? sentence : plain(sentence);
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> taken = new ArrayList<>();
        Map<Integer, String> byPosition = new java.util.TreeMap<>();
        for (Form f : forms) {
            if (!(f.anyCase() ? lower : text).contains(f.key())) {
                continue;
            }
            Matcher m = f.pattern().matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (taken.stream().noneMatch(t -> s < t[1] && t[0] < e)) {
                    taken.add(new int[] {s, e});
                    byPosition.putIfAbsent(s, f.actor());
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(byPosition.values()));
    }

    private static java.util.Optional<String> shortName(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length < 2 || words.length > 3) {
            return java.util.Optional.empty();
        }
        for (String w : words) {
            if (NOT_GIVEN_NAMES.contains(w.toLowerCase(Locale.ROOT)) || !Character.isUpperCase(w.codePointAt(0))
                    || w.chars().noneMatch(Character::isLowerCase) || w.contains(".")) {
                return java.util.Optional.empty();
            }
        }
        String last = words[words.length - 1];
        if (GENERIC.contains(last.toLowerCase(Locale.ROOT)) || GENERIC.contains(words[0].toLowerCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(last);
    }

    /** A pattern for a name: full stops in initials optional, any run of spaces, either apostrophe, whole words. */
    private static Pattern pattern(String name) {
        String n = plain(name);
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '.') {
                re.append("\\.?");
            } else if (Character.isWhitespace(c)) {
                while (i + 1 < n.length() && Character.isWhitespace(n.charAt(i + 1))) {
                    i++;
                }
                re.append("\\s+");
            } else if (c == '\'' || c == '\u2019') {
                re.append("['\u2019]");
            } else if (c == '-') {
                re.append("[-\\s]?");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        re.append("(?![\\p{L}\\p{N}])");
        boolean lowerOnly = n.chars().noneMatch(Character::isUpperCase);
        return Pattern.compile(re.toString(), lowerOnly ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** Without accents ("Lourenço" matches "Lourenco"). */
    private static String plain(String s) {
        return Regex.replaceAll(Normalizer.normalize(s, Normalizer.Form.NFD), "\\p{M}", "");
    }

    private static String key(String s) {
        return Regex.replaceAll(plain(s).toLowerCase(Locale.ROOT).replace(".", ""), "\\s+", " ").strip();
    }
}
