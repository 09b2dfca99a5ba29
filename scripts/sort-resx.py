#!/usr/bin/env python3
"""Keeps a .resx file one entry a line, sorted by name, so that additions by different features rarely touch the same lines.
Usage: scripts/sort-resx.py FILE.resx [...]"""
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for path in sys.argv[1:]:
    entries = {}
    for d in ET.parse(path).getroot().iter('data'):
        name = d.get('name'); value = d.findtext('value') or ''
        if name in entries and entries[name] != value: sys.exit(f'{path}: {name} has two values')
        entries[name] = value
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for name in sorted(entries):
            f.write(f'  <data name={quoteattr(name)} xml:space="preserve"><value>{escape(entries[name])}</value></data>\n')
        f.write('</root>\n')
