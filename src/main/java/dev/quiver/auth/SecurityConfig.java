package dev.quiver.auth;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every {@code /v1/**} route needs credentials; write routes need a user that is not read-only.
 * Health, metrics and API docs are open. ERROR and ASYNC dispatches are let through, so a
 * server error is never disguised as a 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Credentials credentials, EnvelopeWriter envelopeWriter,
            WriteRoutes writeRoutes) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CredentialsFilter(credentials, envelopeWriter),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, writeRoutes.paths().toArray(String[]::new))
                        .hasAuthority(CredentialsFilter.WRITE)
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> envelopeWriter.noCredentials(response))
                        .accessDeniedHandler((request, response, e) -> envelopeWriter.forbidden(response,
                                "user " + SecurityContextHolder.getContext().getAuthentication().getName() + " is read-only")));
        return http.build();
    }

    /** Replaces Boot's default in-memory user, which would log a generated password of its own. */
    @Bean
    UserDetailsService noUserDetails() {
        return new InMemoryUserDetailsManager();
    }
}
