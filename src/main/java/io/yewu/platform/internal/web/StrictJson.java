package io.yewu.platform.internal.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.DateTimeException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Bad input never becomes garbage: the shared JSON mapper reads each value only in its one documented form, and
 * anything else is a {@code DatabindException} naming the field, which {@code ProblemHandler} answers with 422.
 * <ul>
 *   <li>dates and times only as ISO strings — a number ({@code 1750000000000}) or an array is refused, never read
 *       as epoch seconds (year 57440);</li>
 *   <li>enums only by name — a number is never taken as a position;</li>
 *   <li>integers (ids, versions, counts) only as JSON integers — no {@code 1.5}, {@code 1e3} or {@code "12"};</li>
 *   <li>booleans only as {@code true}/{@code false};</li>
 *   <li>no {@code null} elements in lists and sets ({@code [null]}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withConfigOverride(List.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Set.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Collection.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .addModule(new SimpleModule("yewu-strict-json").setDeserializerModifier(new IsoTimeOnly()));
    }

    /** Every {@code java.time} value must come as a JSON string (or null). */
    static final class IsoTimeOnly extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                       ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type.getPackageName().equals("java.time") ? new StringTokenOnly(deserializer, type) : deserializer;
        }
    }

    static final class StringTokenOnly extends DelegatingDeserializer {

        private final Class<?> type;

        StringTokenOnly(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new StringTokenOnly(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(ctxt.constructType(type), p.currentToken(), p,
                        "%s only as an ISO-8601 string", type.getSimpleName());
            }
            if (p.getString().matches("[-+]?\\d+(\\.\\d*)?")) {
                // a timestamp in a string is still a timestamp: never read as epoch time
                throw InvalidFormatException.from(p, type.getSimpleName() + " only as an ISO-8601 string", p.getString(), type);
            }
            try {
                return super.deserialize(p, ctxt);
            } catch (MismatchedInputException e) {
                throw e;
            } catch (JacksonException | DateTimeException e) {
                // e.g. digits in a string read as a timestamp: the field is named, its type stated
                throw InvalidFormatException.from(p, type.getSimpleName() + " only as an ISO-8601 string", p.getString(), type);
            }
        }
    }
}
