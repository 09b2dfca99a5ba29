#!/usr/bin/env python3
"""Adds or replaces an error message in both languages and keeps both resource files sorted.
Usage: scripts/error-message.py CODE "中文消息" "English message"   ({0}, {1} … are the error's arguments)"""
import os, sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr
sys.path.insert(0, os.path.dirname(__file__))
folder = os.path.join(os.path.dirname(__file__), '..', 'src', 'Gongjiang.Application', 'Common', 'Results')
code, zh, en = sys.argv[1:4]
HEAD = open(os.path.join(folder, 'ErrorMessages.resx'), encoding='utf-8').read().split('  <data', 1)[0]
for name, text in (('ErrorMessages.resx', zh), ('ErrorMessages.en.resx', en)):
    path = os.path.join(folder, name)
    entries = {d.get('name'): d.findtext('value') or '' for d in ET.parse(path).getroot().iter('data')}
    entries[code] = text
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for k in sorted(entries):
            f.write(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write('</root>\n')
