# Prints src/pdf/metrics.rs: the widths of Helvetica and Helvetica-Bold by WinAnsi byte,
# read from Liberation Sans (Debian fonts-liberation), which has the same widths.
# python3 scripts/helvetica-widths.py > src/pdf/metrics.rs
import struct,sys
WIN={0x80:0x20AC,0x82:0x201A,0x83:0x0192,0x84:0x201E,0x85:0x2026,0x86:0x2020,0x87:0x2021,0x88:0x02C6,0x89:0x2030,0x8A:0x0160,0x8B:0x2039,0x8C:0x0152,0x8E:0x017D,0x91:0x2018,0x92:0x2019,0x93:0x201C,0x94:0x201D,0x95:0x2022,0x96:0x2013,0x97:0x2014,0x98:0x02DC,0x99:0x2122,0x9A:0x0161,0x9B:0x203A,0x9C:0x0153,0x9E:0x017E,0x9F:0x0178}
def widths(path):
    d=open(path,'rb').read()
    n=struct.unpack('>H',d[4:6])[0]
    t={}
    for i in range(n):
        tag,cs,off,ln=struct.unpack('>4sIII',d[12+16*i:28+16*i]); t[tag.decode()]=(off,ln)
    upem=struct.unpack('>H',d[t['head'][0]+18:t['head'][0]+20])[0]
    nhm=struct.unpack('>H',d[t['hhea'][0]+34:t['hhea'][0]+36])[0]
    ho=t['hmtx'][0]
    adv=[struct.unpack('>H',d[ho+4*i:ho+4*i+2])[0] for i in range(nhm)]
    co=t['cmap'][0]
    nt=struct.unpack('>H',d[co+2:co+4])[0]
    sub=None
    for i in range(nt):
        pid,eid,off=struct.unpack('>HHI',d[co+4+8*i:co+12+8*i])
        if pid==3 and eid==1: sub=co+off
    assert struct.unpack('>H',d[sub:sub+2])[0]==4
    segx2=struct.unpack('>H',d[sub+6:sub+8])[0]; seg=segx2//2
    ends=struct.unpack('>%dH'%seg,d[sub+14:sub+14+segx2])
    starts=struct.unpack('>%dH'%seg,d[sub+16+segx2:sub+16+2*segx2])
    deltas=struct.unpack('>%dh'%seg,d[sub+16+2*segx2:sub+16+3*segx2])
    roff_pos=sub+16+3*segx2
    roffs=struct.unpack('>%dH'%seg,d[roff_pos:roff_pos+segx2])
    def gid(c):
        for i in range(seg):
            if starts[i]<=c<=ends[i]:
                if roffs[i]==0: return (c+deltas[i])&0xFFFF
                p=roff_pos+2*i+roffs[i]+2*(c-starts[i])
                g=struct.unpack('>H',d[p:p+2])[0]
                return (g+deltas[i])&0xFFFF if g else 0
        return 0
    out=[]
    for b in range(256):
        u=WIN.get(b, b if (32<=b<=126 or b>=160) else None)
        if u is None: out.append(0); continue
        g=gid(u); a=adv[min(g,nhm-1)]
        out.append(round(a*1000/upem))
    return out
r=widths('/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf')
b=widths('/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf')
def arr(name,w):
    s='pub const %s: [u16; 256] = [\n'%name
    for i in range(0,256,16): s+='    '+', '.join(str(x) for x in w[i:i+16])+',\n'
    return s+'];\n'
print("""//! The advance widths of the PDF standard fonts Helvetica and Helvetica-Bold, by
//! WinAnsiEncoding byte, in thousandths of the font size (0: no character). Generated from
//! Liberation Sans, whose widths are Helvetica's and Arial's (it was made metric-compatible
//! so that text lays out the same), by reading its `hmtx` and `cmap` tables.

"""+arr('REGULAR',r)+'\n'+arr('BOLD',b))
print("sanity A=%d space=%d a=%d"%(r[65],r[32],r[97]),file=sys.stderr)
