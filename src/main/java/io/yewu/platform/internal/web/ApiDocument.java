package io.yewu.platform.internal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI document at {@code /v3/api-docs}, shaped for integrators and for the UI's generated types
 * (docs/decisions/0028-assets-and-api-contract.md): every operation has a summary and an operationId made from its
 * handler ({@code CustomerController.list} becomes {@code customerList}, "Customer: list"), the security it takes
 * (session cookie plus CSRF header for writes, or a bearer API token), the RFC 9457 problems it can answer with, and
 * concrete media types instead of {@code *}{@code /*}. Redocly CLI lints the committed copy ({@code openapi/yewu-api.json})
 * in the UI build; {@code ApiDocumentIT} keeps that copy equal to what the server serves.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String BEARER = "bearerToken";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The problems an operation can answer with, by status, as documented responses in components. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[] {"BadRequest", "The request is malformed: unreadable JSON, a parameter of the wrong type, an unknown field."});
        PROBLEMS.put("401", new String[] {"Unauthorized", "No valid session or API token."});
        PROBLEMS.put("403", new String[] {"Forbidden", "The caller's roles or data scope do not allow this, or the CSRF token is missing or stale."});
        PROBLEMS.put("404", new String[] {"NotFound", "No such record in the caller's company and data scope."});
        PROBLEMS.put("409", new String[] {"Conflict", "The record changed since it was read (version), the Idempotency-Key was used for other content, or the record's state does not allow this."});
        PROBLEMS.put("422", new String[] {"UnprocessableContent", "The input breaks a field rule or a business rule; `errors` lists the fields."});
    }

    @Bean
    OpenAPI yewuOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                        .name("SESSION").description("The session cookie set by `POST /api/auth/login` (the UI's way in). "
                                + "An anonymous session is also what holds the CSRF token before login."))
                .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-XSRF-TOKEN").description("With a session cookie, every write (POST, PUT, PATCH, DELETE) "
                                + "carries the token from `GET /api/auth/csrf` (renewed by the login answer) in this header."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token made by a user under 我的 → API tokens (`/api/me/tokens`), sent as "
                                + "`Authorization: Bearer <token>`; it acts with that user's roles and needs no CSRF header."));
        components.addSchemas("ProblemFieldError", new ObjectSchema()
                .description("One field that failed, in the request's language (zh-CN or en).")
                .addProperty("field", new StringSchema().description("The field's path in the request, e.g. `lines[0].quantity`."))
                .addProperty("code", new StringSchema().description("A stable code of the failed rule, e.g. `required`."))
                .addProperty("message", new StringSchema().description("The message shown to a person."))
                .required(List.of("field", "code", "message")));
        components.addSchemas("Problem", new ObjectSchema()
                .description("RFC 9457 problem details, with Yewu's `code` and field `errors`.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema().description("A stable, machine-readable problem code, e.g. `version-conflict`."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemFieldError")))
                .required(List.of("type", "title", "status", "code")));
        PROBLEMS.forEach((status, named) -> components.addResponses(named[0], new ApiResponse().description(named[1])
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        return new OpenAPI()
                .info(new Info().title("Yewu API").version("1")
                        .description("The REST API of Yewu (业务), the sales-operations and customer-service platform. "
                                + "Conventions (paging, versions, Idempotency-Key, problems) are in docs/api.md.")
                        .license(new License().name("No licence has been chosen yet (see the project's README)")))
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(components);
    }

    /**
     * Schema names: a nested type is named with the types around it ({@code CustomerQueries.Detail} becomes
     * {@code CustomerQueriesDetail}), so the many nested {@code Detail}, {@code Row} and {@code Summary} records of
     * different capabilities do not overwrite one another under one simple name. Swagger's own resolver, given this
     * naming; ordered first so springdoc's converters (ResponseEntity, pages, files) still run before it.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    io.swagger.v3.core.jackson.ModelResolver nestedTypeNames(org.springdoc.core.providers.ObjectMapperProvider mappers) {
        return new io.swagger.v3.core.jackson.ModelResolver(mappers.jsonMapper(), new NestedTypeNames());
    }

    static final class NestedTypeNames extends io.swagger.v3.core.jackson.TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            if (type.getName().startsWith("io.yewu.")) {
                for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                    name = outer.getSimpleName() + name;
                }
            }
            return name;
        }
    }

    /** Summary and operationId from the handler, so every operation has both and the ids read like the code. */
    @Bean
    OperationCustomizer handlerNames() {
        return (operation, handler) -> {
            String stem = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(lowerFirst(stem) + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getSummary() == null) operation.setSummary(words(stem, true) + ": " + words(method, false));
            return operation;
        };
    }

    /** Security, problem responses and media types, once every operation is known; operationIds made unique. */
    @Bean
    OpenApiCustomizer securityAndProblems() {
        return openApi -> {
            Map<String, Integer> ids = new HashMap<>();
            new TreeMap<>(openApi.getPaths()).forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
                int seen = ids.merge(operation.getOperationId(), 1, Integer::sum);
                if (seen > 1) operation.setOperationId(operation.getOperationId() + seen);
                describe(path, verb, operation);
            }));
            if (openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("StreamingResponseBody");
            }
        };
    }

    private static void describe(String path, PathItem.HttpMethod verb, Operation operation) {
        boolean write = verb != PathItem.HttpMethod.GET && verb != PathItem.HttpMethod.HEAD && verb != PathItem.HttpMethod.OPTIONS;
        boolean open = path.startsWith("/api/auth/") || path.startsWith("/api/public/");
        boolean sessionOnly = path.startsWith("/api/me/tokens") || path.equals("/api/me/password");
        List<SecurityRequirement> security = new ArrayList<>();
        if (open && !write) {
            // anyone: security stays an empty list
        } else {
            SecurityRequirement session = new SecurityRequirement().addList(SESSION);
            if (write) session.addList(CSRF);
            security.add(session);
            if (!sessionOnly && !open) security.add(new SecurityRequirement().addList(BEARER));
        }
        operation.setSecurity(security);

        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> concreteMediaTypes(response));
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null;
        if (hasInput || write) problem(responses, "400");
        if (!open) problem(responses, "401");
        if (!open || write) problem(responses, "403"); // roles, or a missing CSRF token
        if (path.contains("{")) problem(responses, "404");
        if (write) {
            problem(responses, "409");
            problem(responses, "422");
        }
    }

    private static void problem(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
    }

    /** springdoc writes {@code *}{@code /*} where a handler declares no produces: JSON, Excel exports, or files. */
    private static void concreteMediaTypes(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || !content.containsKey("*/*")) return;
        MediaType any = content.remove("*/*");
        Schema<?> schema = any.getSchema();
        String ref = schema == null ? null : schema.get$ref();
        if (ref != null && ref.endsWith("/StreamingResponseBody")) {
            content.addMediaType(XLSX, new MediaType().schema(new StringSchema().format("binary")));
        } else if (schema != null && ("binary".equals(schema.getFormat()) || "byte".equals(schema.getFormat()))) {
            content.addMediaType("application/octet-stream", new MediaType().schema(new StringSchema().format("binary")));
        } else {
            content.addMediaType("application/json", any);
        }
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code checkOut} → "check out"; capitalised for the subject ("Customer location"). */
    private static String words(String camel, boolean capital) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return capital ? Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1) : spaced;
    }
}
