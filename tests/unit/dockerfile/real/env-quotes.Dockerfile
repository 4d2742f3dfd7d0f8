FROM python:3.13-slim
ENV Q='"hi"' P=a\\b R="x\"y"
