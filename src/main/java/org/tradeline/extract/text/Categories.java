package org.tradeline.extract.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tradeline.event.Category;

/**
 * Suggests an event's category from the words of its sentence: "sued" and "court" point to
 * litigation, "CFIUS" to a regulatory review, an "executive order" or a president who "blocked"
 * to executive action, "tariff" to a trade measure, and so on. Each cue has a weight; the
 * category with the highest total wins, and a sentence with no cue gets none (the editor picks).
 */
final class Categories {

    /** A cue; {@code caseless} ones are matched, without the slower case-insensitive mode, against the lower-cased sentence. */
    private record Cue(Pattern pattern, Category category, int weight, boolean caseless) {
    }

    private static final String PRESIDENT = "(?:President|president|Biden|Trump|White House|Obama|Harris|administration)";

    private static final List<Cue> CUES = List.of(
            cue("(?i)\\b(?:sued|sues|suing|lawsuits?|litigation|plaintiffs?|injunction|legal challenge|countersued|class action)\\b",
                    Category.LITIGATION, 4),
            cue("(?i)\\b(?:court|judge|judges|appeals?|appealed|ruling|ruled|complaint|petition|hearing|trial|arbitration|jury|"
                    + "verdict|filed suit|brief|docket)\\b", Category.LITIGATION, 2),
            cue("\\bCFIUS\\b|Committee on Foreign Investment", Category.REGULATORY_REVIEW, 4),
            cue("(?i)\\b(?:review|reviews|reviewed|regulators?|regulatory|antitrust|investigation|probe|refiled|refile|"
                    + "clearance|competition authority|national security risk|national security agreement)\\b", Category.REGULATORY_REVIEW, 2),
            cue("(?i)\\b(?:executive order|presidential order|memorandum|proclamation|golden share)\\b", Category.EXECUTIVE_ACTION, 4),
            cue("(?:" + PRESIDENT + ")[^.;]{0,80}\\b(?:blocked|blocks|block|prohibited|prohibits|ordered|orders|signed|vetoed|approved|"
                    + "cleared|barred|bars|bar)\\b", Category.EXECUTIVE_ACTION, 3),
            cue("(?i)\\b(?:decision to block|order blocking|blocked the (?:deal|acquisition|takeover|merger))\\b", Category.EXECUTIVE_ACTION, 2),
            cue("(?i)\\b(?:tariffs?|duties|anti-?dumping|countervailing|quotas?|import (?:taxes|curbs|restrictions|licen[cs]es)|"
                    + "export controls?|Section 232|Section 301|trade remedy|safeguard measures?|levies|levy)\\b", Category.TRADE_MEASURE, 4),
            cue("(?i)\\b(?:acquire|acquired|acquires|acquisition|merger|merge|buyout|takeover|take over|purchase|purchased|"
                    + "agreed to (?:buy|acquire|sell)|completed (?:the|its) (?:deal|acquisition|purchase)|closed (?:the|its) (?:deal|"
                    + "acquisition)|per share|a share|premium|bid for|offer for|rejected (?:an|the) offer)\\b", Category.DEAL, 3),
            cue("(?i)\\b(?:deal|bid|offer|buy|bought|sell|sold|invest|investment|stake|partnership)\\b", Category.DEAL, 1),
            cue("(?i)\\b(?:vowed|vows|pledged|pledges|promised|promises|threatened|threatens)(?:\\s+\\S+){0,3}?\\s+to\\s+(?:block|stop|kill|bar|reverse|undo)\\b",
                    Category.POLITICAL_STATEMENT, 4),
            cue("(?i)\\b(?:vowed|pledged|promised|campaign|campaigned|rally|election|candidate|Truth Social|posted)\\b",
                    Category.POLITICAL_STATEMENT, 3),
            cue("(?i)\\b(?:said|says|told|statement|remarks|criticized|criticised|opposes|opposed|urged|called for|warned|"
                    + "interview|speech|news conference|press conference)\\b", Category.POLITICAL_STATEMENT, 1),
            cue("(?i)\\b(?:met with|meets with|meeting with|visited|visit to|visits|summit|bilateral|foreign minister|"
                    + "prime minister|secretary of state|ambassador|diplomat|diplomatic|diplomacy|counterpart|alliance|allies|"
                    + "state visit|talks with)\\b", Category.DIPLOMACY, 3),
            cue("(?i)\\b(?:shareholders?|stockholders?|proxy|special meeting|annual meeting)\\b", Category.SHAREHOLDER_VOTE, 3),
            cue("(?i)\\b(?:voted|vote|votes|approved the (?:merger|deal))\\b", Category.SHAREHOLDER_VOTE, 1),
            cue("(?i)\\b(?:bill|lawmakers|legislation|legislators|legislature|amendment|parliament|senators?|congressional)\\b",
                    Category.LEGISLATION, 3),
            cue("\\b(?:Congress|Senate|House of Representatives|Diet)\\b", Category.LEGISLATION, 3));

    private static Cue cue(String regex, Category category, int weight) {
        boolean caseless = regex.startsWith("(?i)");
        return new Cue(Pattern.compile(caseless ? lowerLiterals(regex.substring(4)) : regex), category, weight, caseless);
    }

    /** The pattern with its literal letters lower-cased; escapes such as {@code \S} and {@code \b} are left as they are. */
    private static String lowerLiterals(String regex) {
        StringBuilder b = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                b.append(c).append(regex.charAt(++i));
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private Categories() {
    }

    /** The best category for the sentence, or null when nothing in it points to one. */
    static Category suggest(String sentence) {
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        String lower = sentence.toLowerCase(java.util.Locale.ROOT);
        for (Cue c : CUES) {
            var m = c.pattern().matcher(c.caseless() ? lower : sentence);
            int hits = 0;
            while (m.find() && hits < 3) {
                hits++;
            }
            if (hits > 0) {
                scores.merge(c.category(), c.weight() * hits, Integer::sum);
            }
        }
        Category best = null;
        int bestScore = 0;
        for (Category c : Category.values()) {
            int s = scores.getOrDefault(c, 0);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }
}
