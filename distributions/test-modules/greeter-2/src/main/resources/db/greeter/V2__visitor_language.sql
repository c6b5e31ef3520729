alter table greeter_visitor add column language varchar(10) default 'zh-CN' not null;
