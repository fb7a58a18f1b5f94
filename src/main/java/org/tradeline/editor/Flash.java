package org.tradeline.editor;

import java.util.Map;

/**
 * Confirmations after Post/Redirect/Get: the redirect carries a key ({@code ?done=event-created}),
 * never text, so nobody can make the page say something else.
 */
public final class Flash {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("event-created", "The event was created."),
            Map.entry("event-saved", "Your changes to the event were saved."),
            Map.entry("event-deleted", "The event was deleted."),
            Map.entry("timeline-created", "The timeline was created. Add its first event."),
            Map.entry("timeline-saved", "Your changes to the timeline were saved."),
            Map.entry("password-changed", "Your password was changed. Other sessions were signed out."),
            Map.entry("token-created", "The API token was created."),
            Map.entry("token-revoked", "The API token was revoked."),
            Map.entry("account-created", "The account was created."),
            Map.entry("account-disabled", "The account was disabled and signed out everywhere."),
            Map.entry("account-enabled", "The account was enabled."),
            Map.entry("csv-imported", "The CSV's accepted rows were imported as events."),
            Map.entry("drafts-added", "The ticked candidates were added as drafts. Check them, then publish them when they are ready."),
            Map.entry("signed-out", "You are signed out."));

    private Flash() {
    }

    public static String message(String key) {
        return key == null ? null : MESSAGES.get(key);
    }
}
