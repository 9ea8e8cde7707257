package dev.quiver.api;

import dev.quiver.auth.AccessGuard;
import dev.quiver.auth.Credentials;
import dev.quiver.auth.WriteRoutes;
import dev.quiver.collection.DataReader;
import dev.quiver.config.ApiProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Reads API bodies as JSON whatever their Content-Type, ahead of Spring's own converters; answers searches directly. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final JsonMapper jsonMapper;
    private final ApiProperties properties;

    WebConfig(JsonMapper jsonMapper, ApiProperties properties) {
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    /** The routes read-only users may not call, for the security chain. */
    @Bean
    WriteRoutes writeRoutes() {
        return new WriteRoutes(List.of(ApiPaths.WRITES));
    }

    /** First of all, so every log line of the request carries its id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the direct search path, so searches answered there have their deadline too. */
    @Bean
    FilterRegistrationBean<RequestDeadlineFilter> requestDeadlineFilter() {
        FilterRegistrationBean<RequestDeadlineFilter> registration = new FilterRegistrationBean<>(
                new RequestDeadlineFilter(properties.requestTimeout()));
        registration.addUrlPatterns(ApiPaths.BASE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Runs before Spring Security and MVC, so nothing sees the client's form Content-Type. */
    @Bean
    FilterRegistrationBean<JsonContentTypeFilter> jsonContentTypeFilter() {
        FilterRegistrationBean<JsonContentTypeFilter> registration = new FilterRegistrationBean<>(new JsonContentTypeFilter());
        registration.addUrlPatterns(ApiPaths.BASE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /**
     * After Boot's observation filter (HIGHEST_PRECEDENCE + 1), so direct searches are counted in
     * {@code http.server.requests}; before Spring Security, whose rules it applies itself.
     */
    @Bean
    FilterRegistrationBean<DirectSearchFilter> directSearchFilter(Credentials credentials, AccessGuard accessGuard,
            DataReader reader) {
        FilterRegistrationBean<DirectSearchFilter> registration = new FilterRegistrationBean<>(new DirectSearchFilter(
                credentials, accessGuard, reader, jsonMapper, properties.int64AsNumber(),
                properties.maxRequestSize().toBytes()));
        registration.addUrlPatterns(ApiPaths.SEARCH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JsonBodyConverter(jsonMapper, properties.maxRequestSize(),
                new BodyBudget(properties.inFlightBodyBytes(), BodyBudget.DEFAULT_WAIT)));
    }
}
