#!/usr/bin/env python3
# Writes the course diagrams (SVG) with the symbols of the notebooks' equations.
import html
import os
OUT = os.path.dirname(os.path.abspath(__file__)) + '/'
FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"'

def sym(base, sub=None, sup=None, size=16):
    s = f'<tspan font-style="italic">{html.escape(base)}</tspan>'
    if sub: s += f'<tspan baseline-shift="sub" font-size="{int(size*0.7)}">{html.escape(sub)}</tspan>'
    if sup: s += f'<tspan baseline-shift="super" font-size="{int(size*0.7)}">{html.escape(sup)}</tspan>'
    return s

class Svg:
    def __init__(self, w, h, title):
        self.w, self.h, self.parts = w, h, []
        self.title = title
    def add(self, s): self.parts.append(s)
    def text(self, x, y, content, size=16, anchor='middle', color='#222', raw=False, weight='normal'):
        body = content if raw else html.escape(content)
        self.add(f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{color}" font-weight="{weight}" {FONT}>{body}</text>')
    def rect(self, x, y, w, h, fill='#eef3fb', stroke='#1f77b4', rx=8, sw=2):
        self.add(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>')
    def circle(self, x, y, r, label, fill='#fff', stroke='#444'):
        self.add(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>')
        self.text(x, y + 6, label, size=18)
    def arrow(self, pts, color='#222', dash=None, marker='a'):
        d = 'M ' + ' L '.join(f'{x} {y}' for x, y in pts)
        da = f' stroke-dasharray="{dash}"' if dash else ''
        self.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2"{da} marker-end="url(#{marker})"/>')
    def line(self, pts, color='#222', dash=None):
        d = 'M ' + ' L '.join(f'{x} {y}' for x, y in pts)
        da = f' stroke-dasharray="{dash}"' if dash else ''
        self.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2"{da}/>')
    def save(self, name):
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.w}" height="{self.h}" viewBox="0 0 {self.w} {self.h}" role="img" aria-label="{html.escape(self.title)}">\n'
                f'<title>{html.escape(self.title)}</title>\n'
                '<defs>'
                '<marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#222"/></marker>'
                '<marker id="r" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#d62728"/></marker>'
                '</defs>\n'
                f'<rect width="{self.w}" height="{self.h}" fill="#ffffff"/>\n')
        open(OUT + name, 'w').write(head + '\n'.join(self.parts) + '\n</svg>\n')

def gated_cell(label, title, state, times_x, plus_x):
    """A cell frame with its state line on top: state_{t-1} → ⊙ → + → state_t."""
    s = Svg(820, 520, label)
    s.text(410, 30, title, size=18, weight='bold')
    s.rect(90, 60, 640, 330, fill='#f7f9fc', stroke='#999', rx=14)
    top = 100
    s.text(45, top + 6, sym(state, 't−1'), raw=True, size=18)
    s.arrow([(70, top), (times_x - 18, top)])
    s.circle(times_x, top, 18, '⊙')
    s.arrow([(times_x + 18, top), (plus_x - 18, top)])
    s.circle(plus_x, top, 18, '+')
    s.arrow([(plus_x + 18, top), (775, top)])
    s.text(800, top + 6, sym(state, 't'), raw=True, size=18)
    return s, top

# ---------- unrolled RNN with BPTT paths ----------
s = Svg(900, 520, 'An RNN unrolled over three steps: forward in black, backpropagation through time in red')
xs = [230, 450, 670]; subs = ['t−1', 't', 't+1']; subs_prev = ['t−2', 't−1', 't']
cy, cw, ch = 230, 120, 70
s.text(450, 30, 'Unrolled RNN: one cell, the same weights at every step', size=18, weight='bold')
for x, t, tp in zip(xs, subs, subs_prev):
    s.rect(x - cw/2, cy - ch/2, cw, ch)
    s.text(x, cy - 6, 'tanh', size=16)
    s.text(x, cy + 18, sym('a', t) + ' → ' + sym('h', t), size=14, raw=True)
    # input
    s.text(x, 440, sym('x', t), raw=True, size=18)
    s.arrow([(x, 420), (x, cy + ch/2 + 4)])
    s.text(x + 8, 390, sym('W', 'ih'), raw=True, size=15, anchor='start')
    # output / loss
    s.arrow([(x, cy - ch/2), (x, 95)])
    s.text(x, 80, sym('ℓ', t) + '(' + sym('h', t) + ')', raw=True, size=17)
    s.text(x + 8, 140, sym('h', t), raw=True, size=15, anchor='start')
    # gradient from the loss, red dashed down (offset)
    s.arrow([(x - 22, 100), (x - 22, cy - ch/2 - 4)], color='#d62728', dash='6 4', marker='r')
    s.text(x - 28, 150, sym('g', t), raw=True, size=15, anchor='end', color='#d62728')
# recurrent arrows (forward) between cells, and the edges
s.arrow([(40, cy - 12), (xs[0] - cw/2 - 4, cy - 12)])
s.text(95, cy - 22, sym('h', 't−2'), raw=True, size=15)
for a, b, t in zip(xs, xs[1:], ['t−1', 't']):
    s.arrow([(a + cw/2, cy - 12), (b - cw/2 - 4, cy - 12)])
    s.text((a + b)/2, cy - 22, sym('h', t) + ', ' + sym('W', 'hh'), raw=True, size=15)
s.arrow([(xs[-1] + cw/2, cy - 12), (860, cy - 12)])
s.text(815, cy - 22, sym('h', 't+1'), raw=True, size=15)
# BPTT arrows backwards below
for a, b, t in zip(xs, xs[1:], ['t+1', 't+2']):
    pass
for a, b, t in zip(xs, xs[1:], ['t', 't+1']):
    s.arrow([(b - cw/2, cy + 14), (a + cw/2 + 4, cy + 14)], color='#d62728', dash='6 4', marker='r')
    s.text((a + b)/2, cy + 40, sym('W', 'hh', 'T') + ' ' + sym('da', t), raw=True, size=15, color='#d62728')
s.arrow([(860, cy + 14), (xs[-1] + cw/2 + 4, cy + 14)], color='#d62728', dash='6 4', marker='r')
s.text(815, cy + 40, sym('da', 't+2'), raw=True, size=15, color='#d62728')
s.line([(40, 480), (70, 480)]); s.text(78, 485, 'forward', size=14, anchor='start')
s.line([(40, 505), (70, 505)], color='#d62728', dash='6 4')
s.text(78, 510, 'gradient (BPTT): ' , size=14, anchor='start', color='#d62728')
s.text(200, 510, sym('dh', 't') + ' = ' + sym('g', 't') + ' + ' + sym('W', 'hh', 'T') + ' ' + sym('da', 't+1') + ',  ' + sym('da', 't') + ' = ' + sym('dh', 't') + ' ⊙ (1 − ' + sym('h', 't') + ' ⊙ ' + sym('h', 't') + ')',
       raw=True, size=14, anchor='start', color='#d62728')
s.save('rnn-unrolled.svg')

# ---------- LSTM cell ----------
s, top = gated_cell('An LSTM cell (PyTorch gate order i, f, g, o)', 'LSTM cell: gates i, f, g, o (PyTorch order)', 'c', 250, 450)
# gates
gates = [('f', 'σ', 250), ('i', 'σ', 390), ('g', 'tanh', 510), ('o', 'σ', 620)]
gy = 290
for name, fn, x in gates:
    s.rect(x - 32, gy - 20, 64, 40, fill='#fff4e6' if fn == 'σ' else '#eef3fb', stroke='#ff7f0e' if fn == 'σ' else '#1f77b4')
    s.text(x, gy + 6, fn, size=16)
    s.text(x + 38, gy - 26, sym(name, 't'), raw=True, size=16, anchor='start')
# input bus [x_t, h_{t-1}]
s.line([(130, 360), (620, 360)])
for _, _, x in gates: s.arrow([(x, 360), (x, gy + 22)])
s.text(45, 440, sym('h', 't−1'), raw=True, size=18)
s.line([(70, 435), (130, 435), (130, 360)])
s.text(180, 440, sym('x', 't'), raw=True, size=18)
s.arrow([(180, 420), (180, 362)])
# f -> ⊙ on c line
s.arrow([(250, gy - 20), (250, top + 20)])
# i ⊙ g -> +
s.circle(450, 200, 18, '⊙')
s.line([(390, gy - 20), (390, 200), (432, 200)])
s.line([(510, gy - 20), (510, 200), (468, 200)])
s.arrow([(450, 182), (450, top + 20)])
# tanh(c_t) ⊙ o -> h_t
s.rect(640, 140, 64, 34, fill='#eef3fb', stroke='#1f77b4')
s.text(672, 162, 'tanh', size=15)
s.line([(672, top), (672, 138)])
s.circle(672, 230, 18, '⊙')
s.arrow([(672, 174), (672, 212)])
s.line([(620, gy - 20), (620, 230), (654, 230)])
s.arrow([(690, 230), (775, 230)])
s.text(800, 236, sym('h', 't'), raw=True, size=18)
s.text(410, 482, sym('c', 't') + ' = ' + sym('f', 't') + ' ⊙ ' + sym('c', 't−1') + ' + ' + sym('i', 't') + ' ⊙ ' + sym('g', 't')
       + ',   ' + sym('h', 't') + ' = ' + sym('o', 't') + ' ⊙ tanh(' + sym('c', 't') + ')', raw=True, size=15)
s.text(410, 508, 'each gate reads [' + sym('x', 't') + ', ' + sym('h', 't−1') + ']: σ(' + sym('W', 'i·') + sym('x', 't') + ' + ' + sym('b', 'i·') + ' + ' + sym('W', 'h·') + sym('h', 't−1') + ' + ' + sym('b', 'h·') + ')',
       raw=True, size=13, color='#555')
s.save('lstm-cell.svg')

# ---------- GRU cell ----------
s, top = gated_cell('A GRU cell (PyTorch gate order r, z, n)', 'GRU cell: gates r, z, n (PyTorch order)', 'h', 330, 560)
gy = 290
# r and z gates
for name, x in [('r', 200), ('z', 330)]:
    s.rect(x - 32, gy - 20, 64, 40, fill='#fff4e6', stroke='#ff7f0e')
    s.text(x, gy + 6, 'σ', size=16)
    s.text(x + 38, gy - 26, sym(name, 't'), raw=True, size=16, anchor='start')
# candidate n: tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
s.rect(470, gy - 20, 64, 40, fill='#eef3fb', stroke='#1f77b4')
s.text(502, gy + 6, 'tanh', size=16)
s.text(540, gy - 26, sym('n', 't'), raw=True, size=16, anchor='start')
s.circle(430, 210, 18, '⊙')
s.text(430, 180, sym('W', 'hn') + sym('h', 't−1') + ' + ' + sym('b', 'hn'), raw=True, size=13)
s.line([(200, gy - 20), (200, 210), (412, 210)])
s.arrow([(430, 228), (430, 250), (480, 250), (480, gy - 22)])
# z to ⊙ on h line, and 1 - z to n path
s.arrow([(330, gy - 20), (330, top + 20)])
s.circle(560, 200, 18, '⊙')
s.arrow([(502, gy - 20), (502, 200), (540, 200)])
s.line([(330, 160), (600, 160), (600, 200), (578, 200)])
s.text(612, 175, '1 − ' + sym('z', 't'), raw=True, size=14, anchor='start')
s.arrow([(560, 182), (560, top + 20)])
# inputs
s.line([(130, 360), (502, 360)])
for x in (200, 330, 502): s.arrow([(x, 360), (x, gy + 22)])
s.text(45, 440, sym('h', 't−1'), raw=True, size=18)
s.line([(70, 435), (130, 435), (130, 360)])
s.text(180, 440, sym('x', 't'), raw=True, size=18)
s.arrow([(180, 420), (180, 362)])
s.text(410, 482, sym('n', 't') + ' = tanh(' + sym('W', 'in') + sym('x', 't') + ' + ' + sym('b', 'in') + ' + ' + sym('r', 't') + ' ⊙ (' + sym('W', 'hn') + sym('h', 't−1') + ' + ' + sym('b', 'hn') + '))'
       + ',   ' + sym('h', 't') + ' = (1 − ' + sym('z', 't') + ') ⊙ ' + sym('n', 't') + ' + ' + sym('z', 't') + ' ⊙ ' + sym('h', 't−1'), raw=True, size=14)
s.text(410, 508, sym('r', 't') + ', ' + sym('z', 't') + ' read [' + sym('x', 't') + ', ' + sym('h', 't−1') + ']; the reset gate multiplies ' + sym('W', 'hn') + sym('h', 't−1') + ' + ' + sym('b', 'hn') + ', after the matrix product',
       raw=True, size=13, color='#555')
s.save('gru-cell.svg')

# ---------- encoder–decoder with attention (notebook 11) ----------
s = Svg(960, 540, 'An encoder–decoder with attention: a bidirectional GRU encoder reads the source into h_1…h_S; its final states, through the bridge, start the GRU decoder (the bottleneck); at each output step t the decoder state s_t scores every h_s, the softmax weights α_ts give the context c_t, and tanh(W_c [c_t; s_t]) predicts the next character')
s.text(480, 30, 'Encoder–decoder with attention', size=18, weight='bold')
src = ['7', ' ', 'D', 'e', 'c']
ex = [70 + 95 * i for i in range(len(src))]
ey = 380
s.text(250, 492, 'encoder: a bidirectional GRU reads the source', size=14, color='#555')
for i, (x, ch) in enumerate(zip(ex, src)):
    s.rect(x - 32, ey - 25, 64, 50)
    s.text(x, ey + 6, 'GRU', size=14)
    s.text(x, ey + 72, repr(ch)[1:-1] if ch != ' ' else '␣', size=16)
    s.arrow([(x, ey + 55), (x, ey + 27)])
    s.arrow([(x, ey - 27), (x, ey - 68)])
    s.text(x, ey - 76, sym('h', str(i + 1)), raw=True, size=16)
    if i + 1 < len(src):
        s.arrow([(x + 34, ey - 8), (ex[i + 1] - 34, ey - 8)])
        s.arrow([(ex[i + 1] - 34, ey + 10), (x + 34, ey + 10)])
# bridge: the bottleneck
dx = [640, 760, 880]
dy = 380
s.arrow([(ex[-1] + 34, ey), (dx[0] - 34, dy)], color='#d62728', marker='r')
s.text((ex[-1] + dx[0]) / 2, ey - 30, 'bridge:', size=13, color='#d62728')
s.text((ex[-1] + dx[0]) / 2, ey - 12, 'the bottleneck', size=13, color='#d62728')
s.text((ex[-1] + dx[0]) / 2, ey + 22, sym('s', '0') + ' = tanh(' + sym('W', 'b') + '[h→; h←])', raw=True, size=11, color='#d62728')
outs = ['1', '9', '7']
ins = ['<s>', '1', '9']
for i, x in enumerate(dx):
    s.rect(x - 32, dy - 25, 64, 50, fill='#fdf3e7', stroke='#ff7f0e')
    s.text(x, dy + 6, 'GRU', size=14)
    s.text(x, dy + 72, ins[i], size=14)
    s.arrow([(x, dy + 55), (x, dy + 27)])
    s.text(x + 44, dy - 30, sym('s', str(i + 1)), raw=True, size=15)
    if i + 1 < len(dx):
        s.arrow([(x + 34, dy), (dx[i + 1] - 34, dy)])
s.text(760, 492, 'decoder: reads the previous character', size=14, color='#555')
# attention at decoder step 2
t = dx[1]
ay = 200
s.circle(t, ay, 20, 'Σ')
for x in ex:
    s.line([(x, ey - 90), (t - 16, ay + 12)], color='#2ca02c', dash='5 4')
s.text(330, 190, sym('α', '2s') + ' = softmax' + sym('', 's') + '(score(' + sym('s', '2') + ', ' + sym('h', 's') + '))', raw=True, size=14, color='#2ca02c')
s.arrow([(t, dy - 27), (t, ay + 22)], color='#2ca02c')
s.text(t + 30, 300, 'query', size=12, color='#2ca02c', anchor='start')
s.rect(t - 70, 90, 140, 44, fill='#eef7ee', stroke='#2ca02c')
s.text(t, 118, 'tanh(' + sym('W', 'c') + '[' + sym('c', '2') + '; ' + sym('s', '2') + '])', raw=True, size=14)
s.arrow([(t, ay - 22), (t, 136)], color='#2ca02c')
s.text(t + 14, 170, sym('c', '2') + ' = Σ' + sym('', 's') + ' ' + sym('α', '2s') + sym('h', 's'), raw=True, size=13, anchor='start', color='#2ca02c')
s.arrow([(t, 88), (t, 62)])
s.text(t, 55, 'next: ' + outs[1], size=14)
s.text(480, 526, 'without attention the decoder sees only ' + sym('s', '0') + '; with it, every step reads all of ' + sym('h', '1') + '…' + sym('h', 'S'), raw=True, size=13, color='#555')
s.save('seq2seq-attention.svg')
# ---------- blocked parallel scan of h_t = a_t ⊙ h_{t-1} + b_t ----------
s = Svg(920, 470, 'The blocked scan of a linear recurrence over 8 steps and 2 threads: each block scans its own steps from zero and multiplies its a into A; the state at the block boundary is carried across; the second block then adds A times that state')
s.text(470, 28, 'Parallel scan of hₜ = aₜ ⊙ hₜ₋₁ + bₜ: 8 steps, 2 blocks on 2 threads', size=18, weight='bold')
xs = [170 + 92 * i for i in range(8)]
blue, orange = ('#eef3fb', '#1f77b4'), ('#fdf1e6', '#ff7f0e')
s.text(20, 78, '(a, b)', size=14, anchor='start', color='#555')
for i, x in enumerate(xs):
    s.rect(x - 36, 60, 72, 30, fill=(blue if i < 4 else orange)[0], stroke=(blue if i < 4 else orange)[1], rx=6)
    s.text(x, 81, '(' + sym('a', str(i + 1)) + ', ' + sym('b', str(i + 1)) + ')', raw=True, size=13)
s.text(20, 128, '1', size=16, anchor='start', weight='bold')
s.text(44, 150, 'each block,', size=12, anchor='start', color='#555')
s.text(44, 164, 'in parallel', size=12, anchor='start', color='#555')
for i, x in enumerate(xs):
    s.arrow([(x, 90), (x, 118)])
    c = blue if i < 4 else orange
    s.circle(x, 136, 18, '', fill=c[0], stroke=c[1])
    s.text(x, 141, sym('h', str(i + 1)) if i < 4 else sym('ĥ', str(i + 1)), raw=True, size=14)
    if i not in (0, 4): s.arrow([(xs[i - 1] + 18, 136), (x - 20, 136)])
s.text(xs[0] - 24, 141, sym('h', '0') + ' →', raw=True, size=14, anchor='end')
s.text(xs[4] - 24, 175, 'from 0; Aₜ = a₅ ⋯ aₜ', size=12, anchor='start', color='#ff7f0e')
s.text(20, 238, '2', size=16, anchor='start', weight='bold')
s.text(44, 258, 'in order', size=12, anchor='start', color='#555')
s.arrow([(xs[3], 154), (xs[3], 230), (xs[4] - 40, 230)], color='#d62728', marker='r')
s.text((xs[3] + xs[4]) / 2, 220, 's = ' + sym('h', '4'), raw=True, size=14, color='#d62728')
s.text(20, 318, '3', size=16, anchor='start', weight='bold')
s.text(44, 338, 'in parallel', size=12, anchor='start', color='#555')
for i in range(4, 8):
    x = xs[i]
    s.arrow([(x, 154), (x, 290)])
    s.rect(x - 40, 292, 80, 34, fill='#ffffff', stroke='#ff7f0e', rx=6)
    s.text(x, 314, sym('ĥ', str(i + 1)) + ' + ' + sym('A', str(i + 1)) + 's', raw=True, size=13)
    s.text(x, 350, '= ' + sym('h', str(i + 1)), raw=True, size=14)
s.line([(xs[4] - 40, 230), (xs[7] + 44, 230), (xs[7] + 44, 270)], color='#d62728', dash='5,4')
for i in range(4, 8): s.arrow([(xs[i] + 20, 270), (xs[i] + 20, 290)], color='#d62728', marker='r')
s.line([(xs[4] + 20, 270), (xs[7] + 44, 270)], color='#d62728', dash='5,4')
s.text(470, 400, 'combine: (' + sym('a', '1') + ', ' + sym('b', '1') + ') ∘ (' + sym('a', '2') + ', ' + sym('b', '2') + ') = (' + sym('a', '1') + sym('a', '2') + ', ' + sym('a', '2') + sym('b', '1') + ' + ' + sym('b', '2') + ')   — associative, so any grouping of the steps gives the same hₜ', raw=True, size=14)
s.text(470, 428, 'work ≈ 2× the sequential loop; with P blocks the time is about T/P + P steps (a tree of combines gives depth log T)', size=13, color='#555')
s.text(470, 452, 'backward: δₜ = gₜ + aₜ₊₁ ⊙ δₜ₊₁ is the same scan run from the last step to the first', size=13, color='#555')
s.save('linear-scan.svg')
print('ok')
