package onetomany.db;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP which of H2's errors mean "this connection's session is gone", so that the pool discards the
 * connection as it does on PostgreSQL and MariaDB, whose drivers report a lost session with an SQLState of class 08
 * or 57P0x that HikariCP knows. H2 reports a closed or aborted session ({@code ABORT_SESSION}, which the fault suite
 * uses to end one) with codes of its own: 90121, 90098, 90067, 90007.
 */
public final class H2BrokenSessions implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        int code = e.getErrorCode();
        return code == 90121 || code == 90098 || code == 90067 || code == 90007
                ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
