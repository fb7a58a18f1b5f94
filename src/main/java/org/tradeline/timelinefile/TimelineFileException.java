package org.tradeline.timelinefile;

import java.util.List;

/** A timeline file that cannot be imported; each problem names its line. */
public class TimelineFileException extends Exception {

    private final List<String> problems;

    public TimelineFileException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
