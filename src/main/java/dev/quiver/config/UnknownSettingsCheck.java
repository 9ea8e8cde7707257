package dev.quiver.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses to start when a {@code quiver.*} setting (property, argument, system property or
 * environment variable) names nothing Quiver knows: a misspelt {@code QUIVER_AUTH_ROOT_PASWORD}
 * would otherwise be ignored, and the service would run with a generated password. The known
 * names are those of the configuration metadata the build generates from the
 * {@code @ConfigurationProperties} records (plus {@code additional-spring-configuration-metadata.json}).
 * Names are compared as Spring's relaxed binding does, ignoring case, dots, dashes and
 * underscores; below a list or map setting ({@code quiver.auth.users[0].name}) anything goes,
 * as the binder checks those itself.
 */
@Component
class UnknownSettingsCheck {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String PREFIX = "quiver";

    UnknownSettingsCheck(ConfigurableEnvironment environment) {
        Known known = Known.fromMetadata();
        Set<String> unknown = new TreeSet<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String canonical = canonical(name);
                    if (canonical.startsWith(PREFIX) && !known.covers(canonical)) {
                        unknown.add(name + " (from " + source.getName() + ")");
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Unknown Quiver settings: " + String.join(", ", unknown)
                    + ". Quiver knows: " + String.join(", ", known.names) + " (README, \"Configuration\")");
        }
    }

    /** Lower-case letters and digits only: how relaxed binding sees a name. */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private record Known(List<String> names, Set<String> exact, List<String> parents) {

        boolean covers(String canonical) {
            return exact.contains(canonical) || parents.stream().anyMatch(canonical::startsWith);
        }

        static Known fromMetadata() {
            List<String> names = new ArrayList<>();
            Set<String> exact = new TreeSet<>();
            List<String> parents = new ArrayList<>();
            JsonMapper json = JsonMapper.builder().build();
            try {
                for (URL url : Collections.list(UnknownSettingsCheck.class.getClassLoader().getResources(METADATA))) {
                    JsonNode metadata;
                    try (InputStream in = url.openStream()) {
                        metadata = json.readTree(in);
                    }
                    for (JsonNode property : metadata.path("properties")) {
                        String name = property.path("name").asString();
                        if (!name.startsWith(PREFIX + ".")) {
                            continue;
                        }
                        names.add(name);
                        exact.add(canonical(name));
                        String type = property.path("type").asString();
                        if (type.startsWith("java.util.List") || type.startsWith("java.util.Map")) {
                            parents.add(canonical(name));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + METADATA, e);
            }
            if (names.isEmpty()) {
                throw new IllegalStateException(METADATA + " names no quiver setting: the build did not run "
                        + "spring-boot-configuration-processor");
            }
            Collections.sort(names);
            return new Known(names, exact, parents);
        }
    }
}
