package io.yewu.platform.internal.security;

import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the two attributes every session holds are stored in {@code spring_session_attributes}: the logged-in user
 * (a security context) and the CSRF token. Spring Session reads them back with Java serialization on every
 * request, which resolves class descriptors by reflection each time (issue 9 profile: about a twentieth of a
 * request's JVM time). These two are written field by field instead, behind a tag byte that Java serialization
 * never starts with ({@code 0xAC}); anything else, and any older row, still goes through Java serialization, so
 * sessions made before the change stay valid. A tagged row whose version this build does not know reads as no
 * value: the user logs in again rather than being let in with a misread identity.
 */
final class SessionAttributeCodec {

    private static final int CONTEXT = 0x01;
    private static final int CSRF = 0x02;
    private static final int VERSION = 1;

    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    SessionAttributeCodec(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The conversion service Spring Session's JDBC repository stores and reads attributes with. */
    GenericConversionService conversionService() {
        GenericConversionService service = new GenericConversionService();
        service.addConverter(Object.class, byte[].class, this::encode);
        service.addConverter(byte[].class, Object.class, this::decode);
        return service;
    }

    byte[] encode(Object value) {
        try {
            if (compactLogin(value) instanceof UsernamePasswordAuthenticationToken t) return context((YewuPrincipal) t.getPrincipal(), t.getAuthorities());
            if (value instanceof DefaultCsrfToken t) return csrf(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serializer.convert(value);
    }

    Object decode(byte[] bytes) {
        if (bytes.length == 0 || (bytes[0] != CONTEXT && bytes[0] != CSRF)) return deserializer.convert(bytes);
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int tag = in.readUnsignedByte();
            if (in.readUnsignedByte() != VERSION) return null;
            return tag == CONTEXT ? readContext(in) : new DefaultCsrfToken(in.readUTF(), in.readUTF(), in.readUTF());
        } catch (IOException | IllegalArgumentException e) {
            return null; // a damaged or unknown row: no session rather than a wrong one
        }
    }

    /** The login of a security context this codec writes whole (authenticated, a Yewu user, nothing more), else null. */
    private static UsernamePasswordAuthenticationToken compactLogin(Object value) {
        if (!(value instanceof SecurityContextImpl c) || c.getClass() != SecurityContextImpl.class) return null;
        if (!(c.getAuthentication() instanceof UsernamePasswordAuthenticationToken t)
                || t.getClass() != UsernamePasswordAuthenticationToken.class) return null;
        if (!t.isAuthenticated() || t.getCredentials() != null || t.getDetails() != null) return null;
        for (GrantedAuthority a : t.getAuthorities()) {
            if (a.getClass() != SimpleGrantedAuthority.class) return null;
        }
        return t.getPrincipal() instanceof YewuPrincipal p && p.getClass() == YewuPrincipal.class ? t : null;
    }

    /** Writes the tag and the version, then the fields. */
    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] tagged(int tag, Fields fields) throws IOException {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(tag);
            out.writeByte(VERSION);
            fields.write(out);
        }
        return bytes.toByteArray();
    }

    private static byte[] context(YewuPrincipal p, java.util.Collection<? extends GrantedAuthority> authorities) throws IOException {
        return tagged(CONTEXT, out -> {
            out.writeLong(p.id());
            out.writeLong(p.companyId());
            out.writeUTF(p.username());
            out.writeUTF(p.displayName());
            out.writeLong(p.departmentId());
            nullable(out, p.departmentPath());
            out.writeShort(p.roles().size());
            for (String role : p.roles()) out.writeUTF(role);
            nullable(out, p.dataScope() == null ? null : p.dataScope().name());
            nullable(out, p.locale());
            out.writeShort(authorities.size());
            for (GrantedAuthority a : authorities) out.writeUTF(a.getAuthority());
        });
    }

    private static SecurityContextImpl readContext(DataInputStream in) throws IOException {
        long id = in.readLong();
        long company = in.readLong();
        String username = in.readUTF();
        String displayName = in.readUTF();
        long department = in.readLong();
        String path = nullable(in);
        Set<String> roles = new LinkedHashSet<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) roles.add(in.readUTF());
        String scope = nullable(in);
        String locale = nullable(in);
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) authorities.add(new SimpleGrantedAuthority(in.readUTF()));
        var principal = new YewuPrincipal(id, company, username, displayName, department, path, java.util.Collections.unmodifiableSet(roles),
                scope == null ? null : DataScopeLevel.valueOf(scope), locale);
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    private static byte[] csrf(DefaultCsrfToken t) throws IOException {
        return tagged(CSRF, out -> {
            out.writeUTF(t.getHeaderName());
            out.writeUTF(t.getParameterName());
            out.writeUTF(t.getToken());
        });
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
