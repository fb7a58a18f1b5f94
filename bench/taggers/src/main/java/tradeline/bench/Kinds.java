package tradeline.bench;

import java.util.Locale;
import java.util.regex.Pattern;

import tradeline.bench.Model.Article;
import tradeline.bench.Model.Statement;

/** Sorts annotated expressions into the kinds of docs/extraction.md's table, to say what a library gets wrong. */
final class Kinds {
    private Kinds() {}

    private static final String MONTH = "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|march|mar\\.|april|apr\\.|may|june|july|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";
    private static final Pattern ANAPHORA = p("\\b(the|that) (day|week|month|year|morning|evening) (before|after|earlier|later)\\b|\\bthe (next|following|previous|prior|same) (day|week|month|year|morning)\\b|\\b(\\w+) (days?|weeks?|months?|years?) (later|earlier|after|before|afterward)\\b|\\bthat (day|week|month)\\b|\\bsame day\\b|\\bthe day\\b");
    private static final Pattern WITHIN = p("\\bwithin\\b");
    private static final Pattern ABOUT = p("\\b(about|roughly|around|approximately|some) (\\w+ )?(days?|weeks?|months?|years?)\\b");
    private static final Pattern IN_N = p("^(in|after) (\\w+|\\d+) (days?|weeks?|months?|years?)\\b|\\bfrom now\\b");
    private static final Pattern AGO = p("\\bago\\b");
    private static final Pattern EARLIER_LATER_THIS = p("\\b(earlier|later) (this|last|next) (week|month|year)\\b");
    private static final Pattern THIRDS = p("\\b(early|mid|late|middle of|end of|beginning of|start of)\\b");
    private static final Pattern REL_UNIT = p("\\b(last|this|next|past|previous|coming) (week|month|year|quarter)\\b");
    private static final Pattern QUARTER = p("\\bquarter\\b|\\bq[1-4]\\b");
    private static final Pattern HALF = p("\\bhalf\\b|\\bh[12]\\b");
    private static final Pattern SEASON = p("\\b(spring|summer|fall|autumn|winter)\\b");
    private static final Pattern RANGE = p("\\bbetween\\b|\\bfrom\\b.*\\b(to|through|until)\\b|\\d\\s*[-\u2013]\\s*\\d");
    private static final Pattern DEICTIC = p("\\b(yesterday|today|tomorrow|tonight)\\b");
    private static final Pattern WEEKDAY = p("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern YEAR = p("\\b(19|20)\\d\\d\\b");
    private static final Pattern MONTH_DAY = p("\\b" + MONTH + "\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b\\d{1,2}(st|nd|rd|th)? (of )?" + MONTH);
    private static final Pattern MONTH_ONLY = p("\\b" + MONTH + "(?![a-z])");
    private static final Pattern ISO = p("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    private static Pattern p(String s) { return Pattern.compile(s, Pattern.CASE_INSENSITIVE); }

    static String of(Statement s, Article a) {
        String e = s.expression().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        boolean year = YEAR.matcher(e).find();
        String tense = s.tense() == null || s.tense().isEmpty() ? "" : " (" + s.tense() + ")";
        String kind;
        if (ANAPHORA.matcher(e).find()) kind = "anaphora (the day before, two days later...)";
        else if (WITHIN.matcher(e).find()) kind = "within N days";
        else if (ABOUT.matcher(e).find()) kind = "about N weeks";
        else if (AGO.matcher(e).find()) kind = "N units ago";
        else if (IN_N.matcher(e).find()) kind = "in N days/weeks/months";
        else if (EARLIER_LATER_THIS.matcher(e).find()) kind = "earlier/later this month/year";
        else if (RANGE.matcher(e).find()) kind = "range (between X and Y, from X to Y, X-Y)";
        else if (QUARTER.matcher(e).find()) kind = year ? "quarter with year" : "quarter without year";
        else if (HALF.matcher(e).find()) kind = "half-year";
        else if (SEASON.matcher(e).find()) kind = "season";
        else if (THIRDS.matcher(e).find()) kind = "early/mid/late month or year";
        else if (REL_UNIT.matcher(e).find()) kind = "last/this/next week/month/year";
        else if (DEICTIC.matcher(e).find()) kind = "yesterday/today/tomorrow";
        else if (WEEKDAY.matcher(e).find()) kind = "weekday" + tense;
        else if (ISO.matcher(e).find()) kind = "full date";
        else if (MONTH_DAY.matcher(e).find()) kind = year ? "full date" : "month+day without year" + tense;
        else if (MONTH_ONLY.matcher(e).find()) kind = year ? "month with year" : "month without year" + tense;
        else if (year) kind = "year";
        else kind = "other";
        if (!year && s.start().getYear() != a.published().getYear()
                && (kind.startsWith("month") || kind.startsWith("quarter") || kind.startsWith("season")
                    || kind.startsWith("weekday") || kind.startsWith("early"))) {
            kind += ", across a year boundary";
        }
        return kind;
    }
}
