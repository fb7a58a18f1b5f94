package org.tradeline.event;

import jakarta.persistence.Converter;
import org.tradeline.config.Coded;
import org.tradeline.config.CodedConverter;

/** What kind of event it is; each has a marker colour on the page. */
public enum Category implements Coded {
    DEAL("deal", "Deal"),
    REGULATORY_REVIEW("regulatory-review", "Regulatory review"),
    EXECUTIVE_ACTION("executive-action", "Executive action"),
    LITIGATION("litigation", "Litigation"),
    POLITICAL_STATEMENT("political-statement", "Statement or pledge"),
    DIPLOMACY("diplomacy", "Diplomacy"),
    SHAREHOLDER_VOTE("shareholder-vote", "Shareholder vote"),
    LEGISLATION("legislation", "Legislation"),
    TRADE_MEASURE("trade-measure", "Tariff or trade measure");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends CodedConverter<Category> {
        public JpaConverter() {
            super(Category.class);
        }
    }
}
