package dev.monitoringlab.dashboards.grafana;

/** A panel's place on Grafana's 24-column grid: height and width in grid units, x and y of its top-left corner. */
public record GridPos(int h, int w, int x, int y) {
    public static final int COLUMNS = 24;

    public int right() {
        return x + w;
    }

    public int bottom() {
        return y + h;
    }

    public boolean overlaps(GridPos o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
}
