package org.tradeline.web;

import org.tradeline.config.TradelineConfig;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one place that renders HTML: standalone Thymeleaf over {@code templates/*.html} on the
 * class path, cached except in dev mode. Every template gets {@code site} (the site name).
 */
@ApplicationScoped
public class Templates {

    private final TemplateEngine engine;
    private final TradelineConfig config;

    Templates(TradelineConfig config) {
        this.config = config;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Thread.currentThread().getContextClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(LaunchMode.current() != LaunchMode.DEVELOPMENT);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public String render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.US, variables);
        context.setVariable("site", config.site().name());
        return engine.process(template, context);
    }
}
