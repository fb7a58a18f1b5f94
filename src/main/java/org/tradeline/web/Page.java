package org.tradeline.web;

import java.util.List;

/** One page of a longer list; pages count from 1. */
public record Page<T>(List<T> items, int number, int size, int total) {

    /** Page {@code number} of the list; asking past the last page is a bad {@code page} parameter. */
    public static <T> Page<T> of(List<T> all, int number, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        if (number > pages) {
            throw new InvalidParameterException("page", "There is no page " + number + "; the list has "
                    + pages + (pages == 1 ? " page." : " pages."));
        }
        int from = Math.min((number - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), number, size, all.size());
    }

    public int totalPages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    /** 1-based position of the first item on this page. */
    public int firstIndex() {
        return items.isEmpty() ? 0 : (number - 1) * size + 1;
    }

    public int lastIndex() {
        return firstIndex() == 0 ? 0 : firstIndex() + items.size() - 1;
    }

    /** Reads a positive whole-number query parameter, or the default when it is absent. */
    public static int parameter(String name, String raw, int defaultValue, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String digits = raw.strip();
        try {
            // ASCII digits only: Integer.parseInt also reads other scripts' digits ("١" is 1).
            int value = digits.matches("[0-9]{1,10}") ? Integer.parseInt(digits) : -1;
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(name, name + " must be a whole number from 1 to " + max + ".");
    }
}
