package org.tradeline.web;

import java.util.List;

/**
 * What a public page says about itself in its head: canonical URL, Open Graph and Twitter card
 * tags with the share image, schema.org JSON-LD, and alternate representations (oEmbed, Atom, JSON).
 *
 * @param jsonLd JSON text, already safe to put inside a script element ({@code <} escaped)
 */
public record PageMeta(String title, String description, String url, String type, String jsonLd, List<Alternate> alternates,
        Image image) {

    /** The share image (og:image): absolute URL, size in px, and what it shows in words. */
    public record Image(String url, int width, int height, String alt) {
    }

    public record Alternate(String type, String href, String title) {
    }
}
