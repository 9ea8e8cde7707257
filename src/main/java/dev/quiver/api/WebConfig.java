package dev.quiver.api;

import dev.quiver.config.ApiProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Reads API bodies as JSON whatever their Content-Type, ahead of Spring's own converters. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final JsonMapper jsonMapper;
    private final ApiProperties properties;

    WebConfig(JsonMapper jsonMapper, ApiProperties properties) {
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    /** Runs before Spring Security and MVC, so nothing sees the client's form Content-Type. */
    @Bean
    FilterRegistrationBean<JsonContentTypeFilter> jsonContentTypeFilter() {
        FilterRegistrationBean<JsonContentTypeFilter> registration = new FilterRegistrationBean<>(new JsonContentTypeFilter());
        registration.addUrlPatterns(ApiPaths.BASE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JsonBodyConverter(jsonMapper, properties.maxRequestSize(),
                new BodyBudget(properties.maxInFlightBodySize().toBytes(), BodyBudget.DEFAULT_WAIT)));
    }
}
