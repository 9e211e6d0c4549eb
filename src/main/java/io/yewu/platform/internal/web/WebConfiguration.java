package io.yewu.platform.internal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TextGuard textGuard;

    WebConfiguration(TextGuard textGuard) {
        this.textGuard = textGuard;
    }

    /** Control characters in query and form parameters are refused before any handler runs. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(textGuard).addPathPatterns("/api/**");
    }

    /** Chinese first (PLT-9); English when the client asks for it. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    /** Controller methods looked up among the mappings of the path's first two segments (decision 0051). */
    @Bean
    org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations indexedRequestMappings() {
        return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
            @Override
            public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedRequestMappings();
            }
        };
    }

    /** The idempotency filter runs inside the security chain (it needs the user); not a second time outside. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The UI build (web/, copied into the jar's static/): the hashed files under /assets/ never change under their
     * name, so browsers keep them a year without asking again; index.html, which names the current hashes, is
     * revalidated on every load; the icons for a day. Each is sent as the Brotli or gzip copy the build wrote beside
     * it when the browser accepts that encoding (docs/decisions/0028-assets-and-api-contract.md).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        precompressed(registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/"),
                CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        precompressed(registry.addResourceHandler("/index.html").addResourceLocations("classpath:/static/"),
                CacheControl.noCache());
        precompressed(registry.addResourceHandler("/favicon.svg", "/favicon.ico").addResourceLocations("classpath:/static/"),
                CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static void precompressed(ResourceHandlerRegistration files, CacheControl caching) {
        files.setCacheControl(caching).resourceChain(true)
                .addResolver(new EncodedResourceResolver()).addResolver(new PathResourceResolver());
    }

    /** The single-page UI owns every non-API path: serve its index for client-side routes. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/{path:^(?!api|v3|swagger-ui|actuator|assets)[^\\.]*}").setViewName("forward:/index.html");
        registry.addViewController("/{path:^(?!api|v3|swagger-ui|actuator|assets)[^\\.]*}/**").setViewName("forward:/index.html");
    }
}
