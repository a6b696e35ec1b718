package io.jgan.processor.internal;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * The problems found in one spec, gathered rather than thrown so that the user sees all of them in
 * one compile; printed once, and a spec with any error is not generated. Once printed the report is
 * closed: a problem reported later would never be seen, so it fails loudly instead.
 */
public final class Report {
    /** One problem and where it is. */
    public record Problem(String message, Site site, String attribute) {}

    private final List<Problem> errors = new ArrayList<>();
    private boolean printed;

    /** An error on the element or annotation of {@code site}. */
    public void error(String message, Site site) {
        error(message, site, null);
    }

    /**
     * An error on one value of the annotation of {@code site}; on the annotation when the value is
     * not written (its default applies) or {@code attribute} is null.
     */
    public void error(String message, Site site, String attribute) {
        if (printed) {
            throw new IllegalStateException("problem reported after the spec's report was printed: " + message);
        }
        errors.add(new Problem(message, site, attribute));
    }

    /** How many problems were reported so far. */
    public int errorCount() {
        return errors.size();
    }

    /** Whether anything was reported. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The problems, in the order reported. */
    public List<Problem> problems() {
        return List.copyOf(errors);
    }

    /** Prints every problem through javac, and closes the report. */
    public void print(Messager messager) {
        printed = true;
        for (Problem p : errors) {
            Site site = p.site;
            var value = p.attribute == null ? null : site.written().get(p.attribute);
            if (site.annotation() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, p.message, site.element());
            } else if (value == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, p.message, site.element(), site.annotation());
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, p.message, site.element(), site.annotation(), value);
            }
        }
    }
}
