package io.salesrisk.exposure;

import io.salesrisk.order.persistence.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The aggregates behind credit exposure and payment behaviour, each computed by the database in one query. */
@ApplicationScoped
public class ExposureQueries {

    private final EntityManager em;

    public ExposureQueries(EntityManager em) {
        this.em = em;
    }

    /** Receivables, overdue items and payment behaviour of one customer as of a day. */
    public ReceivableFigures receivables(String customerId, LocalDate asOf, LocalDate periodStart) {
        Object[] row = (Object[]) em.createQuery("""
                select
                  coalesce(sum(case when i.paidAmount < i.amount then i.amount - i.paidAmount else 0 end), 0),
                  coalesce(sum(case when i.paidAmount < i.amount and i.dueDate < :asOf then i.amount - i.paidAmount else 0 end), 0),
                  min(case when i.paidAmount < i.amount and i.dueDate < :asOf then i.dueDate end),
                  coalesce(sum(case when i.dueDate >= :periodStart and i.dueDate < :asOf then 1 else 0 end), 0),
                  coalesce(sum(case when i.dueDate >= :periodStart and i.dueDate < :asOf
                                     and i.paidAmount >= i.amount and i.paidDate <= i.dueDate then 1 else 0 end), 0),
                  coalesce(sum(case when i.dueDate >= :periodStart and i.dueDate < :asOf then
                                 case when i.paidAmount >= i.amount and i.paidDate is not null
                                      then case when i.paidDate > i.dueDate then (i.paidDate - i.dueDate) by day else 0 end
                                      else (cast(:asOf as LocalDate) - i.dueDate) by day end
                               else 0 end), 0),
                  coalesce(sum(case when i.issueDate >= :periodStart and i.issueDate <= :asOf then i.amount else 0 end), 0)
                from InvoiceEntity i
                where i.customerId = :customerId
                """)
                .setParameter("customerId", customerId)
                .setParameter("asOf", asOf)
                .setParameter("periodStart", periodStart)
                .getSingleResult();
        return new ReceivableFigures(decimal(row[0]), decimal(row[1]), (LocalDate) row[2], number(row[3]),
                number(row[4]), number(row[5]), decimal(row[6]));
    }

    /** Approved, not yet invoiced orders delivering by {@code horizonEnd}, other than the one under evaluation. */
    public BigDecimal openOrders(String customerId, String excludedOrderId, LocalDate horizonEnd) {
        Object sum = em.createQuery("""
                select coalesce(sum(o.amount), 0) from SalesOrderEntity o
                where o.customerId = :customerId and o.status = :approved and o.id <> :excluded
                  and (o.requestedDeliveryDate is null or o.requestedDeliveryDate <= :horizonEnd)
                """)
                .setParameter("customerId", customerId)
                .setParameter("approved", OrderStatus.APPROVED)
                .setParameter("excluded", excludedOrderId == null ? "" : excludedOrderId)
                .setParameter("horizonEnd", horizonEnd)
                .getSingleResult();
        return decimal(sum);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
