#!/usr/bin/env python3
"""Turns `tmux capture-pane -e -p` output (text with SGR escapes) into an SVG image.

Used by scripts/screenshots so the images in screenshots/ come from the real program.
"""
import html
import re
import sys

PALETTE = {30: "#1e1e1e", 31: "#e06c75", 32: "#98c379", 33: "#e5c07b", 34: "#61afef", 35: "#c678dd", 36: "#56b6c2", 37: "#dcdfe4"}
FG, BG = "#dcdfe4", "#1e1e1e"
CELL_W, CELL_H = 8.4, 17


def parse(lines, width):
    rows = []
    for line in lines:
        style = {"fg": FG, "bg": BG, "bold": False, "dim": False, "reverse": False, "underline": False}
        cells = []
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            if part.startswith("\x1b["):
                codes = [int(c) if c else 0 for c in part[2:-1].split(";")] or [0]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        style = {"fg": FG, "bg": BG, "bold": False, "dim": False, "reverse": False, "underline": False}
                    elif c == 1: style["bold"] = True
                    elif c == 2: style["dim"] = True
                    elif c == 4: style["underline"] = True
                    elif c == 7: style["reverse"] = True
                    elif c == 22: style["bold"] = style["dim"] = False
                    elif c == 27: style["reverse"] = False
                    elif c in PALETTE: style["fg"] = PALETTE[c]
                    elif c == 39: style["fg"] = FG
                    elif c == 38 and i + 2 < len(codes) and codes[i + 1] == 5:
                        style["fg"] = PALETTE.get(30 + codes[i + 2] % 8, FG); i += 2
                    i += 1
                continue
            for ch in part:
                cells.append((ch, dict(style)))
        while len(cells) < width:
            cells.append((" ", {"fg": FG, "bg": BG, "bold": False, "dim": False, "reverse": False, "underline": False}))
        rows.append(cells[:width])
    return rows


def svg(rows, width):
    height = len(rows)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * CELL_W:.0f}" height="{height * CELL_H + 8:.0f}" '
           f'font-family="DejaVu Sans Mono, Menlo, monospace" font-size="14">',
           f'<rect width="100%" height="100%" fill="{BG}"/>']
    for y, cells in enumerate(rows):
        for x, (ch, s) in enumerate(cells):
            fg, bg = (s["bg"], s["fg"]) if s["reverse"] else (s["fg"], s["bg"])
            if bg != BG:
                out.append(f'<rect x="{x * CELL_W:.1f}" y="{y * CELL_H + 4}" width="{CELL_W + 0.5:.1f}" height="{CELL_H}" fill="{bg}"/>')
            if ch.strip():
                attrs = f'fill="{fg}"'
                if s["bold"]: attrs += ' font-weight="bold"'
                if s["dim"]: attrs += ' opacity="0.6"'
                if s["underline"]: attrs += ' text-decoration="underline"'
                out.append(f'<text x="{x * CELL_W:.1f}" y="{y * CELL_H + 17}" {attrs}>{html.escape(ch)}</text>')
    out.append("</svg>")
    return "\n".join(out)


if __name__ == "__main__":
    width = int(sys.argv[1])
    lines = sys.stdin.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    sys.stdout.write(svg(parse(lines, width), width))
